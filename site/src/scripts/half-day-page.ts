import { halfDayLine } from '../../../shared/half-days.ts';
import type { HalfDayQuestionView } from '../../../shared/missions.ts';
import { byId } from '../lib/dom.ts';
import { clearErrors } from '../lib/forms/field-error.ts';
import {
  isApiError,
  linkToken,
  loadLinkedView,
  sendLinkedAnswer,
  showThanks,
} from '../lib/signed-link-page.ts';

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

const token = linkToken();
const clicked = new URLSearchParams(window.location.search).get('reponse');
const unreadable =
  'Nous n’arrivons pas à afficher cette demi-journée pour le moment. Réessayez dans quelques minutes.';

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
  clearErrors(['answer', 'note'].map(control), failure);
  const answer = (form.elements.namedItem('answer') as RadioNodeList).value || undefined;
  const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim() || undefined;
  const taken = await sendLinkedAnswer({
    url: '/api/half-days',
    method: 'POST',
    body: { token, answer, note },
    button,
    failure,
    control,
  });
  if (isApiError(taken)) showThanks(form, thanks, taken.message);
});

void loadLinkedView({
  url: `/api/half-days?t=${encodeURIComponent(token)}`,
  isView: (body): body is HalfDayQuestionView => typeof body === 'object' && body !== null && 'date' in body,
  status,
  fail,
  unreadable,
}).then((view) => view && show(view));
