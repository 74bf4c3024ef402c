import { documentClient } from '../db/client.ts';
import { counterRepository } from '../db/counter-repository.ts';
import { type ContactMessageData, contactMessageKeys } from '../db/entities/contact-message.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { buildPostcodeIndex } from '../domain/public-forms/postcodes.ts';
import { postcodesTable } from '../reference-data/postcodes.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { requestMailDependencies } from './mail.ts';
import { personKeyMaker } from './person-keys.ts';

/**
 * What the three form functions share, built on an instance's first request: the sequences, the
 * quarantine, the outbox and a mailer that gives up fast, and the postcodes' départements (about
 * 40 KB: all the contact form needs). The communes and the NAF list, which only the company forms
 * read, are in ./company-forms.ts, so that the contact form's bundle does not carry them.
 */
export const formDependencies = once(() => {
  const settings = config();
  const client = documentClient();
  return {
    settings,
    client,
    postcodes: buildPostcodeIndex(postcodesTable),
    counters: counterRepository(client, settings.dataTableName),
    people: personKeyMaker(),
    quarantine: quarantineRepository(client, settings.dataTableName),
    mail: requestMailDependencies(client, settings),
    siteUrl: settings.siteUrl,
  };
});

export const contactMessageDependencies = once(() => {
  const shared = formDependencies();
  return {
    ...shared,
    reference: {
      postcodes: shared.postcodes,
      networks: shared.settings.networks,
      national: shared.settings.national,
    },
    contactMessages: submissionRepository<ContactMessageData>(
      shared.client,
      shared.settings.dataTableName,
      contactMessageKeys,
    ),
  };
});

export { formProtection } from './form-protection.ts';
