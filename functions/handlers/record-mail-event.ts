import { eventHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { recordMailEvent } from '../use-cases/mail-events/record-mail-event.ts';
import { mailEventDependencies } from '../wiring/mail-events.ts';

/** SES bounce and complaint events, from the configuration set through EventBridge (shared/events.ts). */
export const handler = eventHandler(async (event) => {
  const report = await recordMailEvent(mailEventDependencies(), event, new Date());
  // Counts and the reason only: the event's addresses stay out of the logs.
  logger.info('Mail event recorded', { ...report });
  return report;
});
