import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ScheduledEvent, ScheduleName } from '../../shared/schedules.ts';
import { logger } from '../runtime/logger.ts';
import { countJobWork, type JobCount, metrics, recordJobRun } from '../runtime/metrics.ts';
import { tracer } from '../runtime/tracer.ts';
import { errorResponse, internalErrorResponse } from './errors.ts';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/**
 * Turns errors into answers. Registered last so that, middy running `onError` in reverse,
 * it sees the error first and nothing after it can turn a clear answer back into a 500.
 */
const answerErrors = (present: PresentError): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  onError: async (request) => {
    let result = errorResponse(request.error);
    if (result?.statusCode === 503) {
      // Name and code only, as below: an outage to see in the logs, not a bug to fix.
      const { name, code } = request.error as Error & { code?: string };
      logger.warn('A service did not answer', { errorName: name, code });
    }
    if (!result) {
      // Name and the stack's frames only: the message of an SDK or parsing error can quote the request
      // body, and a stack begins with that message.
      const error = request.error;
      logger.error('Unhandled error', { errorName: error?.name, stack: stackFrames(error) });
      result = internalErrorResponse();
    }
    request.response = present(request.event, result);
  },
});

const stackFrames = (error: Error | null | undefined) =>
  error?.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');

/** Lets an endpoint show an error answer its own way (the forms: a French page for a no-JS post). */
export type PresentError = (event: HttpEvent, jsonAnswer: HttpResult) => HttpResult;

/**
 * What every function starts with: the trace segment first, so that it spans everything else; the
 * logger's context; the metrics, flushed once when the invocation ends, answered or failed. The
 * response is never put in the trace: it can be a person's record, and the event never in a log line,
 * even where a deployment sets POWERTOOLS_LOGGER_LOG_EVENT: it carries what a person sent.
 */
const observed = <E, R>() =>
  middy<E, R>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true, logEvent: false }))
    .use(logMetrics(metrics));

/**
 * The middleware stack of every HTTP function, in one fixed order. `withoutMiddleware` is the same
 * function unwrapped, so test/bench/middy-overhead.ts can weigh what the stack adds to the same work
 * (middy itself offers no way back to it).
 */
export const httpHandler = (
  handle: (event: HttpEvent, context: Context) => Promise<HttpResult>,
  options: { presentError?: PresentError } = {},
) =>
  Object.assign(
    observed<HttpEvent, HttpResult>()
      .use(httpHeaderNormalizer())
      .use(answerErrors(options.presentError ?? ((_event, answer) => answer)))
      .handler(handle),
    { withoutMiddleware: handle },
  );

/**
 * A job's clock and options, from its event (shared/schedules.ts `ScheduledEvent`): the scheduled
 * time when the event carries one, else the moment it runs.
 */
export const jobRequest = (event: unknown): { now: Date; options: Readonly<Record<string, string>> } => {
  const { scheduledTime, options } = (event ?? {}) as Partial<ScheduledEvent>;
  const now = scheduledTime === undefined ? new Date() : new Date(scheduledTime);
  if (Number.isNaN(now.getTime()))
    throw new Error(`Invalid scheduledTime in the job's event: ${scheduledTime}`);
  return { now, options: options ?? {} };
};

/**
 * The middleware stack of every scheduled job, named as its schedule (shared/schedules.ts): each run
 * counts as run (its `JobRan` metric, which the missed-run alarms watch) once it completes, with its
 * duration, and with what `measure` reads in its report.
 */
export const jobHandler = <T>(
  job: ScheduleName,
  run: (now: Date, options: Readonly<Record<string, string>>) => Promise<T>,
  measure: (report: T) => Partial<Record<JobCount, number>> = () => ({}),
) =>
  observed<unknown, T>().handler(async (event) => {
    const { now, options } = jobRequest(event);
    const started = performance.now();
    let completed = false;
    try {
      const report = await run(now, options);
      countJobWork(measure(report));
      completed = true;
      return report;
    } finally {
      recordJobRun(job, performance.now() - started, completed);
    }
  });

/**
 * The middleware stack of a function an EventBridge rule invokes (shared/events.ts): trace, logger and
 * metrics only, and never the event itself in a log line or a trace (an SES event names addresses).
 */
export const eventHandler = <T>(run: (event: unknown) => Promise<T>) =>
  observed<unknown, T>().handler((event) => run(event));
