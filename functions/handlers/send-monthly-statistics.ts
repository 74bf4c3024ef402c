import { jobHandler } from '../http/middy.ts';
import { logger } from '../runtime/logger.ts';
import { sendMonthlyStatistics } from '../use-cases/digests/monthly-statistics.ts';
import { monthlyStatisticsDependencies } from '../wiring/statistics.ts';

/** The 1st of the month (shared/schedules.ts): last month's figures to each network and to the national coordination. */
export const handler = jobHandler(
  'monthly-stats',
  async (now, options) => {
    const report = await sendMonthlyStatistics(monthlyStatisticsDependencies(), now, options);
    logger.info('Monthly statistics run', report);
    return report;
  },
  (report) => ({ MonthlyStatisticsSent: report.queued }),
);
