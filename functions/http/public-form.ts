import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Context } from 'aws-lambda';
import type { ApiError } from '../../shared/api-errors.ts';
import { type FormAccepted, type FormName, forms } from '../../shared/forms.ts';
import { IdempotencyKeyReusedError, SubmissionInProgressError } from '../domain/errors.ts';
import { type BotReason, botVerdict } from '../domain/public-forms/anti-bot.ts';
import { logger } from '../runtime/logger.ts';
import { countSubmission } from '../runtime/metrics.ts';
import { once } from '../runtime/once.ts';
import { jsonResponse } from './errors.ts';
import { answerFormat, clientAddress, readFormRequest } from './form-request.ts';
import { type HttpEvent, type HttpResult, httpHandler } from './middy.ts';
import type { AcceptedPage } from './pages/answer-page.ts';
import { renderAnswerPage } from './pages/answer-page.ts';
import { replayer } from './replay.ts';

/**
 * The one preset of the three public forms (applications, partners, contact), steps in a fixed order:
 *
 *  1. body ≤ 32 KB (413), JSON or url-encoded (415), parsed into the nested fields;
 *  2. rate limit per client, its address hashed with the day's salt (429 + Retry-After), counted in
 *     the same round trip as step 3's record;
 *  3. idempotency: the same key (Idempotency-Key header, else the body's hash) gets the first answer
 *     again, for 24 hours, and the work runs once — a double click makes one record and one set of mails;
 *     a duplicate arriving while the first still runs waits for its answer (409 only after 8 s); the
 *     same key with another body is refused (422), as the IETF Idempotency-Key draft says;
 *  4. anti-bot: a filled honeypot or a form filled in under 3 s gets a believable 201 and is kept in
 *     quarantine (it may be a person whose browser autofilled the form), never mailed;
 *  5. the form's use case; invalid input throws, so no 4xx is ever kept under the key;
 *  6. the answer: JSON, or for a browser's own post (no JavaScript) a French HTML page, same status.
 */
export interface FormEndpoint {
  /** Records a person's submission. Throws InvalidInputError (a 400, never cached) when something is to fix. */
  submit(
    fields: Record<string, unknown>,
    now: Date,
  ): Promise<FormAccepted & { mails?: { deferred: number; recorded?: Promise<void> } }>;
  /** Keeps a suspected bot's post aside, unmailed; answers exactly as `submit` would. */
  quarantine(fields: Record<string, unknown>, reason: BotReason, now: Date): Promise<FormAccepted>;
  /** The no-JavaScript answer page for an accepted submission. */
  acceptedPage(accepted: FormAccepted): AcceptedPage;
  /** Built once per cold start by the composition root (functions/wiring), after the environment is read. */
  protection(): FormProtection;
}

/** What guards a form before its use case runs: where answers are kept for replay, and the rate limit. */
export interface FormProtection {
  replayStore: BasePersistenceLayer;
  /** Throws TooManySubmissionsError past the limit. */
  limit(clientAddress: string, now: Date): Promise<void>;
  /** What CloudFront puts in `edgeSecretHeader`: only then is the viewer address believed. */
  edgeSecret: string;
}

/** How often, and for how long at most, a duplicate waits for the first request to finish. */
const inProgressPollMs = 250;
const inProgressMaxWaitMs = 8000;

const htmlResponse = (
  statusCode: number,
  body: string,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});

/** An error's answer as JSON, turned into the French page when the caller is a browser's own form post. */
const negotiatedError = (event: HttpEvent, result: HttpResult, formPage: string): HttpResult => {
  if (answerFormat(event) === 'json') return result;
  const { 'content-type': _json, ...headers } = (result.headers ?? {}) as Record<string, string>;
  const error = JSON.parse(String(result.body)) as ApiError;
  return htmlResponse(
    result.statusCode ?? 500,
    renderAnswerPage({ kind: 'error', status: result.statusCode ?? 500, formPage, error }),
    headers,
  );
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const formHandler = (form: FormName, endpoint: FormEndpoint) => {
  const formPage = forms[form].page;

  const machinery = once(() => {
    const protection = endpoint.protection();
    const { config: idempotency, run: runOnce } = replayer(protection.replayStore, form);
    return { idempotency, runOnce, ...protection };
  });

  const accept = async (
    event: HttpEvent,
    fields: Record<string, unknown>,
    now: Date,
    settle: (recorded: Promise<void>) => void,
  ): Promise<HttpResult> => {
    const format = answerFormat(event);
    const verdict = botVerdict(fields, now);
    let accepted: FormAccepted;
    if (verdict.kind === 'bot') {
      accepted = await endpoint.quarantine(fields, verdict.reason, now);
      logger.warn('Form submission held in quarantine as a suspected bot', {
        form,
        reason: verdict.reason,
        reference: accepted.reference,
      });
    } else {
      const { mails, ...answer } = await endpoint.submit(fields, now);
      if (mails?.recorded) settle(mails.recorded);
      // Counted where the work runs once: a replayed answer does not count again.
      countSubmission(form, answer.network?.id ?? null, mails?.deferred ?? 0);
      logger.info('Form submission recorded', {
        form,
        reference: answer.reference,
        network: answer.network?.id ?? null,
        mailsDeferred: mails?.deferred ?? 0,
      });
      accepted = answer;
    }
    return format === 'html'
      ? htmlResponse(201, renderAnswerPage(endpoint.acceptedPage(accepted)))
      : jsonResponse(201, {
          reference: accepted.reference,
          network: accepted.network,
        } satisfies FormAccepted);
  };

  /** A duplicate that arrives while the first request still works waits for its answer. */
  const runOnceWaiting = async (
    request: { key: string; body: string },
    context: Context,
    work: () => Promise<HttpResult>,
  ) => {
    const { runOnce, idempotency } = machinery();
    idempotency.registerLambdaContext(context);
    const deadline = Date.now() + Math.min(inProgressMaxWaitMs, context.getRemainingTimeInMillis() - 2000);
    for (;;) {
      try {
        return await runOnce(request, work);
      } catch (error) {
        if ((error as Error).name === 'IdempotencyValidationError') throw new IdempotencyKeyReusedError();
        if ((error as Error).name !== 'IdempotencyAlreadyInProgressError') throw error;
        if (Date.now() + inProgressPollMs > deadline) throw new SubmissionInProgressError();
        await sleep(inProgressPollMs);
      }
    }
  };

  return httpHandler(
    async (event, context) => {
      const now = new Date();
      const request = readFormRequest(event);
      const { limit, edgeSecret } = machinery();
      // The count and the idempotency record are written side by side; the work waits for both. A
      // replayed answer does not wait for the count, which it costs nothing to give.
      const limited = limit(clientAddress(event, edgeSecret), now);
      limited.catch(() => undefined);
      let recorded: Promise<void> | undefined;
      const answer = await runOnceWaiting(
        { key: request.idempotencyKey, body: request.bodyHash },
        context,
        async () => {
          await limited;
          return accept(event, request.fields, now, (pending) => {
            recorded = pending;
          });
        },
      );
      // The sent mails' marks, written while the answer was kept for replay.
      await recorded?.catch((error: unknown) =>
        logger.warn('A sent mail could not be marked as sent; the outbox job may send it again', {
          form,
          error: error instanceof Error ? error.name : 'UnknownError',
        }),
      );
      return answer;
    },
    { presentError: (event, answer) => negotiatedError(event, answer, formPage) },
  );
};
