import type { ApiError } from '../../../shared/api-errors.ts';
import { halfDayLine } from '../../../shared/half-days.ts';
import type { HalfDayQuestionView } from '../../../shared/missions.ts';
import type { FieldError } from '../../../shared/validation.ts';
import { byId } from '../lib/dom.ts';
import { clearErrors, showErrors } from '../lib/forms/field-error.ts';
import { sendingMessages } from '../lib/forms/messages.ts';

/**
 * « Has the half-day taken place? » (`/demi-journee/?t=<token>&reponse=oui|non`): reads which half-day
 * the link names, chooses the answer clicked in the mail, sends it when the person confirms. No
 * session: the token is the only credential.
 */
const status = byId('demi-journee-statut', HTMLElement);
const problem = byId('demi-journee-probleme', HTMLElement);
const problemMessage = byId('demi-journee-probleme-message', HTMLElement);
const context = byId('demi-journee-contexte', HTMLElement);
const form = byId('demi-journee', HTMLFormElement);
const answers = byId('demi-journee-reponse', HTMLFieldSetElement);
const thanks = byId('demi-journee-merci', HTMLElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const query = new URLSearchParams(window.location.search);
const token = query.get('t')?.trim() ?? '';
const clicked = query.get('reponse');
const unreadable =
  'Nous n’arrivons pas à afficher cette demi-journée pour le moment. Réessayez dans quelques minutes.';
const timeoutMs = 20_000;

const isApiError = (body: unknown): body is ApiError =>
  typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string';

const fail = (message: string) => {
  status.textContent = '';
  problemMessage.textContent = message;
  problem.hidden = false;
};

const show = (view: HalfDayQuestionView) => {
  status.textContent = '';
  const where =
    view.role === 'sme'
      ? `La demi-journée d’accompagnement de ${view.companyName} avec ${view.otherName}`
      : `Votre demi-journée de mission chez ${view.companyName} avec ${view.otherName}`;
  context.textContent = `${where}, prévue ${halfDayLine(view)} (${view.networkName}).`;
  context.hidden = false;
  if (view.logged) {
    thanks.textContent =
      view.logged === 'done'
        ? 'Elle est déjà notée comme réalisée. Merci\u00a0! Si ce n’est pas juste, répondez au courriel de l’équipe.'
        : 'Elle est déjà notée comme n’ayant pas eu lieu. Si ce n’est pas juste, répondez au courriel de l’équipe.';
    thanks.hidden = false;
    return;
  }
  const choice = clicked === 'oui' ? 'held' : clicked === 'non' ? 'not-held' : '';
  (form.elements.namedItem('answer') as RadioNodeList).value = choice;
  form.hidden = false;
};

const control = (field: string): HTMLElement | null =>
  field === 'answer' ? answers : (form.elements.namedItem(field) as HTMLElement | null);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  clearErrors(['answer', 'note'].map(control), failure);
  const answer = (form.elements.namedItem('answer') as RadioNodeList).value || undefined;
  const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim() || undefined;
  try {
    const response = await fetch('/api/half-days', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token, answer, note }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && isApiError(body)) {
      form.hidden = true;
      thanks.textContent = body.message;
      thanks.hidden = false;
      thanks.focus();
      return;
    }
    const errors: FieldError[] = isApiError(body) ? (body.errors ?? []) : [];
    const message = response.status < 500 && isApiError(body) ? body.message : sendingMessages.server;
    showErrors(errors, control, failure, message).focus();
  } catch {
    showErrors([], control, failure, sendingMessages.network).focus();
  } finally {
    button.removeAttribute('aria-disabled');
  }
});

const load = async () => {
  if (!token) {
    fail('Ce lien est incomplet\u00a0: ouvrez-le à nouveau depuis le courriel reçu.');
    return;
  }
  status.textContent = 'Chargement…';
  try {
    const response = await fetch(`/api/half-days?t=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && typeof body === 'object' && body !== null && 'date' in body)
      show(body as HalfDayQuestionView);
    else fail(response.status < 500 && isApiError(body) ? body.message : unreadable);
  } catch {
    fail(sendingMessages.network);
  }
};

void load();
