import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { sendDailyReminders } from '../use-cases/digests/daily-reminders.ts';
import { remindersDependencies } from '../wiring/reminders.ts';

/** Weekdays at 07:30 in Paris (shared/schedules.ts): the staff's digests and the half-days' reminders. */
export const handler = jobHandler(
  'reminders',
  async (now) => {
    const report = await sendDailyReminders(remindersDependencies(), now);
    logger.info('Daily reminders run', { ...report });
    return report;
  },
  (report) => ({
    RemindersSent: report.reminders,
    DigestsSent: report.digests,
    ConfirmationsSent: report.confirmations,
  }),
);
