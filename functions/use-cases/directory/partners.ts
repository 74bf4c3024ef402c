import * as z from 'zod/mini';
import {
  directoryStatusSchema,
  type PartnerRecord,
  partnerInputSchema,
  partnerUpdateSchema,
} from '../../../shared/partners.ts';
import type { PartnerListItem, PartnerView } from '../../../shared/staff-api.ts';
import {
  checkSiretFree,
  checkVersion,
  createdState,
  newDirectoryId,
  statusChange,
  withChange,
} from '../../domain/directory/directory.ts';
import { type Actor, mayChange } from '../../domain/staff/actor.ts';
import type { DirectoryDeps } from './dependencies.ts';
import { missing, networksToList, networkToChange, networkToRead, recordToChange } from './scope.ts';
import { writeChange, writeNew } from './write.ts';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

/** The partners of the networks in scope, by name, each with what it lends today. */
export const listPartners = async (
  deps: DirectoryDeps,
  actor: Actor,
  query: { network?: string | undefined },
): Promise<{ partners: PartnerListItem[] }> => {
  const perNetwork = await Promise.all(
    networksToList(deps, actor, query.network).map(async (network) => {
      const [partners, volunteers, competences] = await Promise.all([
        deps.directory.partners.list(network),
        deps.directory.volunteers.list(network),
        deps.directory.competences.list(network),
      ]);
      return partners.map(
        (partner): PartnerListItem => ({
          id: partner.id,
          network: partner.network,
          name: partner.name,
          siret: partner.siret,
          sector: partner.sector,
          status: partner.status,
          contact: partner.contact,
          updatedAt: partner.updatedAt,
          volunteers: volunteers.filter((v) => v.partnerId === partner.id && v.status === 'active').length,
          competences: competences.filter((c) => c.partnerIds.includes(partner.id) && c.status === 'active')
            .length,
          ...(partner.fromOffer ? { fromOffer: partner.fromOffer } : {}),
        }),
      );
    }),
  );
  return { partners: perNetwork.flat().sort(byName) };
};

/** One partner with its volunteers, the competences it offers, and the network's catalogue. */
export const partnerView = async (
  deps: DirectoryDeps,
  actor: Actor,
  partner: PartnerRecord,
): Promise<PartnerView> => {
  const [volunteers, competences] = await Promise.all([
    deps.directory.volunteers.list(partner.network),
    deps.directory.competences.list(partner.network),
  ]);
  return {
    partner,
    volunteers: volunteers
      .filter((volunteer) => volunteer.partnerId === partner.id)
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr')),
    competences: competences
      .filter((competence) => competence.partnerIds.includes(partner.id))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    catalogue: competences
      .map(({ id, label, status }) => ({ id, label, status }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    editable: mayChange(actor, partner.network),
  };
};

export const getPartner = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  query: { network?: string | undefined },
): Promise<PartnerView> => {
  const network = networkToRead(deps, actor, query.network, 'partner');
  const partner = await deps.directory.partners.get(network, id);
  if (!partner) throw missing('partner');
  return partnerView(deps, actor, partner);
};

/** A network's staff add a partner company; one SIRET is one partner in a network. */
export const createPartner = async (
  deps: DirectoryDeps,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<PartnerRecord> => {
  const input = z.parse(partnerInputSchema, raw);
  const network = networkToChange(actor, undefined, 'network');
  checkSiretFree(await deps.directory.partners.list(network), input.siret);
  const partner: PartnerRecord = {
    id: newDirectoryId(network, input.name, deps.randomPart()),
    network,
    ...input,
    ...createdState(who(actor), now),
  };
  return writeNew(deps.people, 'partner', deps.directory.partners, partner);
};

const changeable = (deps: DirectoryDeps, actor: Actor, id: string, query: { network?: string | undefined }) =>
  recordToChange(deps.directory.partners, actor, 'partner', id, query);

/** The whole fiche again, on the version read; the id (and so every competence naming it) stays. */
export const updatePartner = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<PartnerRecord> => {
  const { version, ...input } = z.parse(partnerUpdateSchema, raw);
  const partner = await changeable(deps, actor, id, query);
  checkVersion('partner', partner, version);
  checkSiretFree(await deps.directory.partners.list(partner.network), input.siret, partner.id);
  return writeChange(
    deps.people,
    'partner',
    deps.directory.partners,
    withChange(partner, input, 'updated', who(actor), now),
  );
};

/**
 * Retire or reinstate: a retired partner keeps its fiche, volunteers and history; the public
 * catalogue stops naming it, and a competence only it offered leaves the catalogue.
 */
export const setPartnerStatus = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<PartnerRecord> => {
  const { status, version } = z.parse(directoryStatusSchema, raw);
  const partner = await changeable(deps, actor, id, query);
  checkVersion('partner', partner, version);
  const change = statusChange('partner', partner, status);
  return writeChange(
    deps.people,
    'partner',
    deps.directory.partners,
    withChange(partner, { status }, change, who(actor), now),
  );
};
