import { documentClient } from '../db/client.ts';
import { nationalNetwork } from '../db/entities/submission.ts';
import { outboxRepository } from '../db/outbox-repository.ts';
import { privacyRepository } from '../db/privacy-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { PersonExportDeps } from '../use-cases/privacy/export-person.ts';
import { personKeyMaker } from './person-keys.ts';
import { staffReadDependencies } from './staff.ts';

/** The person export, the erasure on request and the retention job: the table and the person key. */
export const privacyDependencies = once((): PersonExportDeps => {
  const settings = config();
  const readers = staffReadDependencies();
  return {
    privacy: privacyRepository(documentClient(), settings.dataTableName),
    people: personKeyMaker(),
    competences: readers.competences,
    networks: readers.networks,
    national: readers.national,
    nationalNetwork,
  };
});

/** The nightly job: the records' table and the outbox, no mailer. */
export const retentionDependencies = once(() => ({
  privacy: privacyDependencies().privacy,
  outbox: outboxRepository(documentClient(), config().dataTableName),
}));
