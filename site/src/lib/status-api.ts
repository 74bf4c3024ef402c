import type { ApiError } from '../../../shared/api-errors.ts';
import { statusLinkSentMessage } from '../../../shared/application-status.ts';
import type { ApplicationStatusView } from '../../../shared/staff-api.ts';
import type { FieldError } from '../../../shared/validation.ts';
import { sendingMessages } from './forms/messages.ts';

/**
 * The status page's two public calls (`/suivi/`): the SME's application read with the token of its
 * link, and a new link asked for by reference and e-mail address. No session here: the token is the
 * only credential, and the back office's code is never loaded by a public page.
 */
export type StatusAnswer =
  | { kind: 'found'; view: ApplicationStatusView }
  /** The link expired or is not one (401, 404): the API says so in French. */
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; message: string };

export type LinkAnswer =
  | { kind: 'sent' }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed'; message: string };

export const statusMessages = {
  unreadable:
    'Nous n’arrivons pas à afficher l’avancement de votre candidature pour le moment. Réessayez dans quelques minutes.',
  offline:
    'La connexion semble interrompue\u00a0: vérifiez votre connexion à Internet, puis rechargez la page.',
  linkSent: statusLinkSentMessage,
} as const;

const timeoutMs = 20_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isApiError = (body: unknown): body is ApiError => isObject(body) && typeof body.message === 'string';

const isStatusView = (body: unknown): body is ApplicationStatusView =>
  isObject(body) &&
  typeof body.reference === 'string' &&
  typeof body.companyName === 'string' &&
  typeof body.status === 'string' &&
  typeof body.next === 'string' &&
  Array.isArray(body.steps) &&
  isObject(body.network) &&
  isObject(body.network.contact);

const readJson = (response: Response): Promise<unknown> => response.json().catch(() => undefined);

export const fetchStatus = async (token: string): Promise<StatusAnswer> => {
  let response: Response;
  try {
    response = await fetch(`/api/status?t=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
      // The token is in the address: no page it calls learns it.
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'failed', message: statusMessages.offline };
  }
  const body = await readJson(response);
  if (response.ok && isStatusView(body)) return { kind: 'found', view: body };
  if ((response.status === 401 || response.status === 404) && isApiError(body)) {
    return { kind: 'invalid', message: body.message };
  }
  return { kind: 'failed', message: statusMessages.unreadable };
};

export const requestStatusLink = async (reference: string, email: string): Promise<LinkAnswer> => {
  let response: Response;
  try {
    response = await fetch('/api/status/links', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ reference, email }),
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { kind: 'failed', message: sendingMessages.network };
  }
  if (response.status === 202) return { kind: 'sent' };
  const body = await readJson(response);
  const apiError = isApiError(body) ? body : undefined;
  if (response.status === 400 && apiError?.errors?.length)
    return { kind: 'invalid', errors: apiError.errors };
  if (response.status === 429)
    return { kind: 'failed', message: apiError?.message ?? sendingMessages.tooMany };
  if (response.status < 500 && apiError) return { kind: 'failed', message: apiError.message };
  return { kind: 'failed', message: sendingMessages.server };
};
