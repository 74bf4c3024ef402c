import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { FormName } from '../../shared/forms.ts';
import {
  dimensions,
  metricNames,
  metricsNamespace,
  nationalDimension,
  serviceName,
} from '../../shared/metrics.ts';
import type { ScheduleName } from '../../shared/schedules.ts';
import { logger } from './logger.ts';

/**
 * Powertools' own notices go to the project's logger, but for the one about an invocation that counted
 * nothing: most requests count nothing (a staff read), and a warning on each would bury the real ones
 * (aws-powertools/powertools-lambda-typescript#2036 asks for an option; there is none in 2.x).
 */
const notices = {
  debug: (message: string) => logger.debug(message),
  info: (message: string) => logger.info(message),
  warn: (message: string) => {
    if (!String(message).startsWith('No application metrics to publish')) logger.warn(message);
  },
  error: (message: string) => logger.error(message),
};

/**
 * One Metrics per function, flushed once per invocation by the middy presets (functions/http/middy.ts).
 * Powertools writes each flush as an EMF line on stdout, which CloudWatch turns into metrics; the local
 * cloud turns it off unless POWERTOOLS_METRICS_DISABLED=false (infra/local/function-environment.ts).
 */
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? metricsNamespace,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? serviceName,
  logger: notices,
});

/**
 * A person's submission, recorded, and the mails it left to the outbox job, per network (the service's
 * total is their sum: `SUM(SEARCH('{Alize,network,service} MetricName="ApplicationsReceived"', 'Sum'))`).
 */
export const countSubmission = (form: FormName, network: string | null, mailsDeferred: number) => {
  // Lines of their own (as a job's runs below): a dimension added to the function's Metrics would
  // stay on its later invocations' counts, and on every handler's where several share one process
  // (the local cloud).
  for (const [name, value] of [
    [metricNames.received[form], 1],
    [metricNames.mailsDeferred, mailsDeferred],
  ] as const) {
    const line = metrics.singleMetric();
    line.addDimension(dimensions.network, network ?? nationalDimension);
    line.addMetric(name, MetricUnit.Count, value);
  }
};

export type JobCount =
  | typeof metricNames.mailsFailed
  | typeof metricNames.remindersSent
  | typeof metricNames.digestsSent
  | typeof metricNames.confirmationsSent
  | typeof metricNames.followUpsSent
  | typeof metricNames.monthlyStatisticsSent;

/** What a job's report says it did, for the whole service (a zero too: a line on the graph, not a gap). */
export const countJobWork = (counts: Partial<Record<JobCount, number>>) => {
  for (const [name, value] of Object.entries(counts)) {
    if (value !== undefined) metrics.addMetric(name, MetricUnit.Count, value);
  }
};

/**
 * A run of a scheduled job, under its schedule's name: how long it took, and, when it completed, that
 * it ran (what the missed-run alarms watch). Each in a line of its own, so the `job` dimension stays
 * off the job's other counts.
 */
export const recordJobRun = (job: ScheduleName, milliseconds: number, completed: boolean) => {
  const duration = metrics.singleMetric();
  duration.addDimension(dimensions.job, job);
  duration.addMetric(metricNames.jobDuration, MetricUnit.Milliseconds, Math.round(milliseconds));
  if (!completed) return;
  const ran = metrics.singleMetric();
  ran.addDimension(dimensions.job, job);
  ran.addMetric(metricNames.jobRan, MetricUnit.Count, 1);
};
