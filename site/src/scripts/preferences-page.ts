import type { ApiError } from '../../../shared/api-errors.ts';
import type { MailPreferencesView } from '../../../shared/mail-preferences.ts';
import { byId } from '../lib/dom.ts';
import { showErrors } from '../lib/forms/field-error.ts';
import { sendingMessages } from '../lib/forms/messages.ts';

/**
 * The mail preferences (`/preferences/?t=<token>`): reads which lists the link's person gets, saves
 * their choices. No session: the token is the only credential.
 */
const status = byId('preferences-statut', HTMLElement);
const problem = byId('preferences-probleme', HTMLElement);
const problemMessage = byId('preferences-probleme-message', HTMLElement);
const form = byId('preferences', HTMLFormElement);
const lists = byId('preferences-listes', HTMLUListElement);
const cadence = byId('preferences-frequence', HTMLFieldSetElement);
const thanks = byId('preferences-merci', HTMLElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const token = new URLSearchParams(window.location.search).get('t')?.trim() ?? '';
const api = `/api/mail-preferences?t=${encodeURIComponent(token)}`;
const timeoutMs = 20_000;
const unreadable =
  'Nous n’arrivons pas à afficher vos préférences pour le moment. Réessayez dans quelques minutes.';

const isApiError = (body: unknown): body is ApiError =>
  typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string';
const isView = (body: unknown): body is MailPreferencesView =>
  typeof body === 'object' && body !== null && Array.isArray((body as MailPreferencesView).lists);

const fail = (message: string) => {
  status.textContent = '';
  problemMessage.textContent = message;
  problem.hidden = false;
};

const show = (view: MailPreferencesView) => {
  status.textContent = '';
  lists.replaceChildren(
    ...view.lists.map((list) => {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `liste-${list.id}`;
      box.name = 'subscribed';
      box.value = list.id;
      box.checked = list.subscribed;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = list.label;
      item.append(box, label);
      return item;
    }),
  );
  cadence.hidden = !view.lists.some((list) => list.id === 'staff-digest');
  const chosen = form.elements.namedItem('staffDigestCadence') as RadioNodeList;
  chosen.value = view.staffDigestCadence;
  form.hidden = false;
};

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  failure.hidden = true;
  thanks.hidden = true;
  const subscribed = [...lists.querySelectorAll<HTMLInputElement>('input[name="subscribed"]')]
    .filter((box) => box.checked)
    .map((box) => box.value);
  const staffDigestCadence =
    (form.elements.namedItem('staffDigestCadence') as RadioNodeList).value || 'daily';
  try {
    const response = await fetch(api, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ subscribed, staffDigestCadence }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer: unknown = await response.json().catch(() => undefined);
    if (response.ok && isView(answer)) {
      show(answer);
      const stopped = answer.lists.filter((list) => !list.subscribed).length;
      thanks.textContent =
        stopped === 0
          ? 'C’est enregistré\u00a0: vous recevez tous ces envois.'
          : `C’est enregistré\u00a0: ${stopped === 1 ? 'un envoi est arrêté' : `${stopped}\u00a0envois sont arrêtés`}. Vous pouvez revenir sur ce choix à tout moment depuis ce lien.`;
      thanks.hidden = false;
      thanks.focus();
      return;
    }
    const message = response.status < 500 && isApiError(answer) ? answer.message : sendingMessages.server;
    showErrors([], () => null, failure, message).focus();
  } catch {
    showErrors([], () => null, failure, sendingMessages.network).focus();
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
    const response = await fetch(api, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && isView(body)) show(body);
    else fail(response.status < 500 && isApiError(body) ? body.message : unreadable);
  } catch {
    fail(sendingMessages.network);
  }
};

void load();
