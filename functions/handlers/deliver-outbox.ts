import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { sendOwedNotices } from '../use-cases/applications/notify-applicant.ts';
import { deliverOutbox } from '../use-cases/outbox/deliver-outbox.ts';
import { outboxDependencies } from '../wiring/outbox.ts';
import { staffDependencies } from '../wiring/staff-mail.ts';

/** Scheduled every few minutes (shared/schedules.ts): sends queued mail, retries what SES refused. */
export const handler = jobHandler(
  'deliver-outbox',
  async (now) => {
    // First the SME mails a crashed status change still owes, so this same run sends them.
    const owedNotices = await sendOwedNotices(staffDependencies(), now);
    const report = await deliverOutbox(outboxDependencies(), now);
    logger.info('Outbox delivery run', { ...report, owedNotices });
    return report;
  },
  // Failed for good: retries are over, and the network's staff have been alerted (itself a mail).
  (report) => ({ MailsFailed: report.failed }),
);
