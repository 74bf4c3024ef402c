import { type CompetenceRepository, competenceRepository } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { type PartnerOfferData, partnerOfferKeys } from '../db/entities/partner-offer.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { buildCommuneIndex } from '../domain/public-forms/communes.ts';
import { buildNafIndex } from '../domain/public-forms/naf.ts';
import { communesTable, formerCommunesTable } from '../reference-data/communes.ts';
import { nafTable } from '../reference-data/naf.ts';
import { once } from '../runtime/once.ts';
import { shortLivedCache } from '../runtime/short-lived-cache.ts';
import { formDependencies } from './public-forms.ts';
import { statusLinkSigner } from './status-links.ts';

/**
 * The company forms' (an application, a partner offer): the communes, indexed on an instance's first
 * request (a few tens of milliseconds), and for the application the NAF list and the catalogue.
 */
const communes = once(() =>
  buildCommuneIndex({ communes: communesTable, formerCommunes: formerCommunesTable }),
);

/**
 * Each network's catalogue, kept a minute by the instance: an application checks its competences
 * against it without a round trip, and asks for a fresh copy before refusing one it does not know
 * (just added in the back office).
 */
const catalogueKeptMs = 60_000;
const keptCatalogue = (competences: CompetenceRepository): CompetenceRepository => {
  const kept = shortLivedCache((network: string) => competences.listByNetwork(network), catalogueKeptMs);
  return { listByNetwork: (network, options) => kept(network, options) };
};

export const applicationDependencies = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    reference: {
      communes: communes(),
      naf: buildNafIndex(nafTable),
      postcodes: shared.postcodes,
      networks: shared.settings.networks,
      national: shared.settings.national,
    },
    links: statusLinkSigner(),
    competences: keptCatalogue(competenceRepository(shared.client, shared.settings.dataTableName)),
    applications: submissionRepository<ApplicationData>(
      shared.client,
      shared.settings.dataTableName,
      applicationKeys,
    ),
  };
});

export const partnerOfferDependencies = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    reference: {
      communes: communes(),
      postcodes: shared.postcodes,
      networks: shared.settings.networks,
      national: shared.settings.national,
    },
    partnerOffers: submissionRepository<PartnerOfferData>(
      shared.client,
      shared.settings.dataTableName,
      partnerOfferKeys,
    ),
  };
});
