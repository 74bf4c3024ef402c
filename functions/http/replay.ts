import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { HttpResult } from './middy.ts';

/** Answers to one key are replayed for a day: long enough for any retry, short enough to forget. */
const replayWindowSeconds = 24 * 3600;

/**
 * Runs a request's work once per key, and answers a repeat with the first answer: the same key with
 * another body is refused (Powertools' IdempotencyValidationError), as the IETF Idempotency-Key
 * draft says. Shared by the public forms and the back office's creating posts.
 *
 * Powertools' function wrapper, not its Middy middleware: in 2.35.0 the middleware's onError
 * deletes the record of a request still in progress when a duplicate is refused (fixed upstream
 * after 2.35.0, aws-powertools/powertools-lambda-typescript#5675), and the duplicate's retry then
 * runs the work a second time. The wrapper only deletes a record its own call created.
 */
export const replayer = (store: BasePersistenceLayer, keyPrefix?: string) => {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: replayWindowSeconds,
    hashFunction: 'sha256',
  });
  const run = makeIdempotent(
    async (_request: { key: string; body: string }, work: () => Promise<HttpResult>) => work(),
    { persistenceStore: store, config, ...(keyPrefix ? { keyPrefix } : {}) },
  );
  return { config, run };
};
