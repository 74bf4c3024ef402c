import { documentClient } from '../db/client.ts';
import { counterRepository } from '../db/counter-repository.ts';
import { type CompetenceRepository, competenceRepository } from '../db/directory-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { type ContactMessageData, contactMessageKeys } from '../db/entities/contact-message.ts';
import { type PartnerOfferData, partnerOfferKeys } from '../db/entities/partner-offer.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { buildCommuneIndex } from '../domain/public-forms/communes.ts';
import { buildNafIndex } from '../domain/public-forms/naf.ts';
import type { ReferenceData } from '../domain/public-forms/submission-checks.ts';
import { communesTable, formerCommunesTable } from '../reference-data/communes.ts';
import { nafTable } from '../reference-data/naf.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { shortLivedCache } from '../runtime/short-lived-cache.ts';
import { requestMailDependencies } from './mail.ts';
import { personKeyMaker } from './person-keys.ts';
import { statusLinkSigner } from './status-links.ts';

/**
 * What the three form functions share, built once per cold start: the reference data (the commune
 * index takes a few tens of milliseconds to build), the sequences, the quarantine, the outbox and a
 * mailer that gives up fast.
 */
export const formDependencies = once(() => {
  const settings = config();
  const client = documentClient();
  const reference: ReferenceData = {
    communes: buildCommuneIndex({ communes: communesTable, formerCommunes: formerCommunesTable }),
    naf: buildNafIndex(nafTable),
    networks: settings.networks,
    national: settings.national,
  };
  return {
    settings,
    client,
    reference,
    counters: counterRepository(client, settings.dataTableName),
    people: personKeyMaker(),
    quarantine: quarantineRepository(client, settings.dataTableName),
    mail: requestMailDependencies(client, settings),
    siteUrl: settings.siteUrl,
  };
});

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
    partnerOffers: submissionRepository<PartnerOfferData>(
      shared.client,
      shared.settings.dataTableName,
      partnerOfferKeys,
    ),
  };
});

export const contactMessageDependencies = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    contactMessages: submissionRepository<ContactMessageData>(
      shared.client,
      shared.settings.dataTableName,
      contactMessageKeys,
    ),
  };
});

export { formProtection } from './form-protection.ts';
