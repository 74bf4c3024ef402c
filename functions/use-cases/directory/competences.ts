import * as z from 'zod/mini';
import {
  type CompetenceRecord,
  competenceInputSchema,
  competenceUpdateSchema,
  directoryStatusSchema,
} from '../../../shared/partners.ts';
import type { CatalogueAdminView } from '../../../shared/staff-api.ts';
import {
  checkCompetencePartners,
  checkVersion,
  createdState,
  newDirectoryId,
  statusChange,
  withChange,
} from '../../domain/directory/directory.ts';
import type { Actor } from '../../domain/staff/actor.ts';
import type { DirectoryDeps } from './dependencies.ts';
import { networksToList, networkToChange, recordToChange } from './scope.ts';
import { writeChange, writeNew } from './write.ts';

const who = (actor: Actor) => ({ id: actor.id, name: actor.name });

/** Every competence of the networks in scope, retired ones included, and the partners they may name. */
export const listCompetences = async (
  deps: DirectoryDeps,
  actor: Actor,
  query: { network?: string | undefined },
): Promise<CatalogueAdminView> => {
  const perNetwork = await Promise.all(
    networksToList(deps, actor, query.network).map(async (network) => {
      const [competences, partners] = await Promise.all([
        deps.directory.competences.list(network),
        deps.directory.partners.list(network),
      ]);
      return { competences, partners };
    }),
  );
  return {
    competences: perNetwork
      .flatMap((list) => list.competences)
      .sort((a, b) => a.category.localeCompare(b.category) || a.label.localeCompare(b.label, 'fr')),
    partners: perNetwork
      .flatMap((list) => list.partners)
      .map(({ id, network, name, status }) => ({ id, network, name, status }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
};

/** A new competence of the staff member's network, offered by at least one of its active partners. */
export const createCompetence = async (
  deps: DirectoryDeps,
  actor: Actor,
  raw: unknown,
  now: Date,
): Promise<CompetenceRecord> => {
  const input = z.parse(competenceInputSchema, raw);
  const network = networkToChange(actor, undefined, 'network');
  checkCompetencePartners(input.partnerIds, await deps.directory.partners.list(network));
  const competence: CompetenceRecord = {
    id: newDirectoryId(network, input.label, deps.randomPart()),
    network,
    category: input.category,
    label: input.label,
    description: input.description ?? '',
    partnerIds: input.partnerIds,
    ...createdState(who(actor), now),
  };
  return writeNew(deps.people, 'competence', deps.directory.competences, competence);
};

const changeable = (deps: DirectoryDeps, actor: Actor, id: string, query: { network?: string | undefined }) =>
  recordToChange(deps.directory.competences, actor, 'competence', id, query);

/** Its id stays: applications and volunteers that name it keep naming it. */
export const updateCompetence = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<CompetenceRecord> => {
  const { version, ...input } = z.parse(competenceUpdateSchema, raw);
  const competence = await changeable(deps, actor, id, query);
  checkVersion('competence', competence, version);
  checkCompetencePartners(
    input.partnerIds,
    await deps.directory.partners.list(competence.network),
    competence.partnerIds,
  );
  const changes = {
    category: input.category,
    label: input.label,
    description: input.description ?? '',
    partnerIds: input.partnerIds,
  };
  return writeChange(
    deps.people,
    'competence',
    deps.directory.competences,
    withChange(competence, changes, 'updated', who(actor), now),
  );
};

/** A retired competence leaves the public catalogue; applications that asked for it keep its label. */
export const setCompetenceStatus = async (
  deps: DirectoryDeps,
  actor: Actor,
  id: string,
  raw: unknown,
  query: { network?: string | undefined },
  now: Date,
): Promise<CompetenceRecord> => {
  const { status, version } = z.parse(directoryStatusSchema, raw);
  const competence = await changeable(deps, actor, id, query);
  checkVersion('competence', competence, version);
  if (status === 'active') {
    checkCompetencePartners(
      competence.partnerIds,
      await deps.directory.partners.list(competence.network),
      competence.partnerIds,
    );
  }
  const change = statusChange('competence', competence, status);
  return writeChange(
    deps.people,
    'competence',
    deps.directory.competences,
    withChange(competence, { status }, change, who(actor), now),
  );
};
