import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { deliverOutbox } from '../use-cases/outbox/deliver-outbox.ts';
import { outboxDependencies } from '../wiring/outbox.ts';

/** Scheduled every few minutes (shared/schedules.ts): sends queued mail, retries what SES refused. */
export const handler = jobHandler(async (now) => {
  const report = await deliverOutbox(outboxDependencies(), now);
  logger.info('Outbox delivery run', { ...report });
  return report;
});
