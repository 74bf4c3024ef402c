import * as z from 'zod/mini';
import { offerConversionSchema, type PartnerRecord } from '../../../shared/partners.ts';
import type { OfferConversion, PartnerOfferView } from '../../../shared/staff-api.ts';
import type { PartnerOfferData } from '../../db/entities/partner-offer.ts';
import type { StoredSubmission } from '../../db/entities/submission.ts';
import { StaleVersionError } from '../../domain/applications/lifecycle.ts';
import { checkSiretFree, createdState, partnerIdFromOffer } from '../../domain/directory/directory.ts';
import {
  offerAcceptedStatus,
  offerOpenStatus,
  planOfferAcceptance,
} from '../../domain/directory/partner-offer.ts';
import { type Actor, mayChange, mayRead } from '../../domain/staff/actor.ts';
import type { DirectoryDeps } from './dependencies.ts';
import { missing, networksToList } from './scope.ts';
import { writeNew } from './write.ts';

type StoredOffer = StoredSubmission<PartnerOfferData>;

export const offerView = (offer: StoredOffer): PartnerOfferView => {
  const { company, contact, offer: proposal } = offer.data;
  return {
    reference: offer.reference,
    network: offer.network,
    status: offer.status,
    version: offer.version,
    receivedAt: offer.createdAt,
    company: { name: company.name, siret: company.siret, postcode: company.postcode, city: company.city },
    contact,
    offer: {
      categories: proposal.categories,
      skills: proposal.skills,
      volunteers: proposal.volunteers,
      ...(proposal.message ? { message: proposal.message } : {}),
    },
    ...(offer.status === offerAcceptedStatus
      ? { partnerId: partnerIdFromOffer(offer.network, offer.reference) }
      : {}),
    history: offer.history,
  };
};

/** The partner offers of the networks in scope: those waiting first, oldest first, then those made partners. */
export const listPartnerOffers = async (
  deps: DirectoryDeps,
  actor: Actor,
  query: { network?: string | undefined },
): Promise<{ offers: PartnerOfferView[] }> => {
  const networks = networksToList(deps, actor, query.network);
  const lists = await Promise.all(
    networks.flatMap((network) =>
      [offerOpenStatus, offerAcceptedStatus].map((status) =>
        deps.partnerOffers.listByNetworkAndStatus(network, status),
      ),
    ),
  );
  const rank = (offer: StoredOffer) => (offer.status === offerOpenStatus ? 0 : 1);
  return {
    offers: lists
      .flat()
      .sort((a, b) => rank(a) - rank(b) || a.createdAt.localeCompare(b.createdAt))
      .map(offerView),
  };
};

/**
 * One staff action: the offer becomes a partner company (its name, SIRET and contact; the sector typed
 * by staff) and the offer is closed with a history line. The partner is written first, under an id
 * derived from the offer's reference, so a retry after a crash, or a second click, finds it and only
 * finishes closing the offer: one partner, never two.
 */
export const convertPartnerOffer = async (
  deps: DirectoryDeps,
  actor: Actor,
  reference: string,
  raw: unknown,
  now: Date,
): Promise<OfferConversion> => {
  const { sector } = z.parse(offerConversionSchema, raw);
  const found = await deps.partnerOffers.get(reference);
  if (!found || !mayRead(actor, found.submission.network)) throw missing('offer');
  const offer = found.submission;
  if (!mayChange(actor, offer.network)) throw missing('offer');

  const id = partnerIdFromOffer(offer.network, offer.reference);
  const partner =
    (await deps.directory.partners.get(offer.network, id)) ??
    (await createFromOffer(deps, actor, offer, id, sector, now));
  if (offer.status !== offerOpenStatus) return { partner, offer: offerView(offer) };

  const entry = planOfferAcceptance(offer, partner.name, { id: actor.id, name: actor.name }, now);
  const result = await deps.partnerOffers.move(offer, offer.version, entry, { notify: false });
  if ('moved' in result) return { partner, offer: offerView(result.moved) };
  // Someone else closed it meanwhile (the same conversion, clicked twice): the partner is the same one.
  if (result.stale?.status === offerAcceptedStatus) return { partner, offer: offerView(result.stale) };
  if (!result.stale) throw missing('offer');
  throw new StaleVersionError(
    offerView(result.stale),
    'Quelqu’un a modifié cette proposition pendant que vous la consultiez. Voici son état actuel\u00a0: relisez-la avant d’agir à nouveau.',
  );
};

const createFromOffer = async (
  deps: DirectoryDeps,
  actor: Actor,
  offer: StoredOffer,
  id: string,
  sector: string,
  now: Date,
): Promise<PartnerRecord> => {
  if (offer.status !== offerOpenStatus)
    planOfferAcceptance(offer, '', { id: actor.id, name: actor.name }, now);
  checkSiretFree(await deps.directory.partners.list(offer.network), offer.data.company.siret);
  const { company, contact } = offer.data;
  const partner: PartnerRecord = {
    id,
    network: offer.network,
    name: company.name,
    siret: company.siret,
    sector,
    contact: {
      firstName: contact.firstName,
      lastName: contact.lastName,
      ...(contact.role ? { role: contact.role } : {}),
      email: contact.email,
      ...(contact.phone ? { phone: contact.phone } : {}),
    },
    fromOffer: offer.reference,
    ...createdState({ id: actor.id, name: actor.name }, now, offer.reference),
  };
  try {
    return await writeNew(deps.people, 'partner', deps.directory.partners, partner);
  } catch (error) {
    // Two conversions at once: the other wrote the same partner first.
    const written = await deps.directory.partners.get(offer.network, id);
    if (written) return written;
    throw error;
  }
};
