import { documentClient } from '../db/client.ts';
import { committeeRepository } from '../db/committee-repository.ts';
import { type ApplicationData, applicationKeys } from '../db/entities/application.ts';
import { quarantineRepository } from '../db/quarantine-repository.ts';
import { submissionRepository } from '../db/submission-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { RemindersDeps } from '../use-cases/digests/daily-reminders.ts';
import { staffDigestCadencesOf } from '../use-cases/mail-preferences/cadence.ts';
import { staffDigestCadenceDependencies } from './mail-preferences.ts';
import { missionJobDependencies } from './mission-mail.ts';

/** The daily reminders job's: the missions' mail and links, and the readers of the staff's digest. */
export const remindersDependencies = once((): RemindersDeps => {
  const settings = config();
  const client = documentClient();
  return {
    ...missionJobDependencies(),
    submissions: submissionRepository<ApplicationData>(client, settings.dataTableName, applicationKeys),
    committees: committeeRepository(client, settings.dataTableName),
    quarantine: quarantineRepository(client, settings.dataTableName),
    staffDigestCadences: (addresses) => staffDigestCadencesOf(staffDigestCadenceDependencies(), addresses),
  };
});
