import type { ApiError } from '../../../../shared/api-errors.ts';
import { idempotencyHeader } from '../../../../shared/forms.ts';
import type { FieldError } from '../../../../shared/validation.ts';
import { sendingMessages } from './messages.ts';

/**
 * Sends a form's values as JSON and sorts the answer into what the page does next: show the
 * confirmation, show field errors, or say in French why nothing was recorded.
 */
export interface Accepted {
  reference: string;
  network: { id: string; name: string } | null;
}

export type Outcome =
  | ({ kind: 'accepted' } & Accepted)
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed'; message: string };

/** A phone on a weak network gets a clear message rather than a spinner forever; a retry reuses the key. */
const timeoutMs = 20_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isAccepted = (body: unknown): body is Accepted =>
  isObject(body) &&
  typeof body.reference === 'string' &&
  (body.network === null ||
    (isObject(body.network) && typeof body.network.id === 'string' && typeof body.network.name === 'string'));

const isApiError = (body: unknown): body is ApiError =>
  isObject(body) &&
  typeof body.message === 'string' &&
  (body.errors === undefined ||
    (Array.isArray(body.errors) &&
      body.errors.every((e) => isObject(e) && typeof e.field === 'string' && typeof e.message === 'string')));

export const submitJson = async (url: string, values: unknown, idempotencyKey: string): Promise<Outcome> => {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [idempotencyHeader]: idempotencyKey,
      },
      body: JSON.stringify(values),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'failed', message: sendingMessages.network };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && isAccepted(body)) {
    return { kind: 'accepted', reference: body.reference, network: body.network };
  }
  const apiError = isApiError(body) ? body : undefined;
  if (response.status === 400 && apiError?.errors?.length)
    return { kind: 'invalid', errors: apiError.errors };
  if (response.status === 413) return { kind: 'failed', message: sendingMessages.tooLarge };
  if (response.status === 429)
    return { kind: 'failed', message: apiError?.message ?? sendingMessages.tooMany };
  // A 5xx message is the gateway's, in English: ours is clearer.
  if (response.status < 500 && apiError) return { kind: 'failed', message: apiError.message };
  return { kind: 'failed', message: sendingMessages.server };
};
