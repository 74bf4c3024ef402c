import type { ApiError } from '../../../shared/api-errors.ts';
import type { FieldError } from '../../../shared/validation.ts';
import { showErrors } from './forms/field-error.ts';
import { sendingMessages } from './forms/messages.ts';

/**
 * What the pages opened from a mail's signed link share (the outcome form, « has the half-day taken
 * place? », the mail preferences): no session, the token of the address is the only credential; the
 * page reads what the link names, then sends the person's answer.
 */
const timeoutMs = 20_000;

export const linkToken = (): string => new URLSearchParams(window.location.search).get('t')?.trim() ?? '';

export const isApiError = (body: unknown): body is ApiError =>
  typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string';

/** Reads the view the link names; tells the person, in `fail`, why it cannot be shown. */
export const loadLinkedView = async <T>(options: {
  url: string;
  isView: (body: unknown) => body is T;
  status: HTMLElement;
  fail: (message: string) => void;
  /** Said when the API fails (5xx): what could not be shown. */
  unreadable: string;
}): Promise<T | undefined> => {
  if (!linkToken()) {
    options.fail('Ce lien est incomplet\u00a0: ouvrez-le à nouveau depuis le courriel reçu.');
    return undefined;
  }
  options.status.textContent = 'Chargement…';
  try {
    const response = await fetch(options.url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && options.isView(body)) return body;
    options.fail(response.status < 500 && isApiError(body) ? body.message : options.unreadable);
  } catch {
    options.fail(sendingMessages.network);
  }
  return undefined;
};

/**
 * Sends the answer once at a time (the button is marked busy meanwhile); answers the API's body when
 * it was taken, else shows its errors by field and in `failure`, and answers undefined.
 */
export const sendLinkedAnswer = async (options: {
  url: string;
  method: 'POST' | 'PUT';
  body: unknown;
  button: HTMLButtonElement;
  failure: HTMLElement;
  control: (field: string) => HTMLElement | null;
}): Promise<unknown> => {
  const { button, failure, control } = options;
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  button.setAttribute('aria-disabled', 'true');
  try {
    const response = await fetch(options.url, {
      method: options.method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(options.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok && answer !== undefined) return answer;
    const errors: FieldError[] = isApiError(answer) ? (answer.errors ?? []) : [];
    const message = response.status < 500 && isApiError(answer) ? answer.message : sendingMessages.server;
    showErrors(errors, control, failure, message).focus();
  } catch {
    showErrors([], control, failure, sendingMessages.network).focus();
  } finally {
    button.removeAttribute('aria-disabled');
  }
  return undefined;
};

/** The answer taken: the form gives way to the API's thanks, where a screen reader goes too. */
export const showThanks = (form: HTMLFormElement, thanks: HTMLElement, message: string) => {
  form.hidden = true;
  thanks.textContent = message;
  thanks.hidden = false;
  thanks.focus();
};
