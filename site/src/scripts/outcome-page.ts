import { frenchDay } from '../../../shared/dates.ts';
import { frenchSpacing } from '../../../shared/french-spacing.ts';
import type { OutcomeFormView } from '../../../shared/missions.ts';
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
 * A mission's outcome form (`/bilan/?t=<token>`): reads what the link asks, shows only those
 * questions, sends the answer once. No session: the token is the only credential.
 */
const title = byId('bilan-titre', HTMLElement);
const status = byId('bilan-statut', HTMLElement);
const problem = byId('bilan-probleme', HTMLElement);
const problemMessage = byId('bilan-probleme-message', HTMLElement);
const context = byId('bilan-contexte', HTMLElement);
const form = byId('bilan', HTMLFormElement);
const jobs = byId('bilan-emplois', HTMLElement);
const satisfaction = byId('satisfaction', HTMLFieldSetElement);
const comment = byId('bilan-commentaire', HTMLElement);
const thanks = byId('bilan-merci', HTMLElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const token = linkToken();
const unreadable =
  'Nous n’arrivons pas à afficher ce formulaire pour le moment. Réessayez dans quelques minutes.';

const fail = (message: string) => {
  status.textContent = '';
  problemMessage.textContent = message;
  problem.hidden = false;
};

const show = (view: OutcomeFormView) => {
  status.textContent = '';
  const period = `du ${frenchDay(view.startDate)} au ${frenchDay(view.endDate)}`;
  if (view.kind === 'follow-up') {
    title.textContent = `${view.month}\u00a0mois après votre mission`;
    context.textContent = `${view.companyName}\u00a0: la mission «\u00a0${frenchSpacing(view.competence)}\u00a0» menée ${period} avec ${view.networkName}. Où en sont vos emplois aujourd’hui\u00a0?`;
  } else if (view.role === 'sme') {
    context.textContent = `${view.companyName}\u00a0: la mission «\u00a0${frenchSpacing(view.competence)}\u00a0» menée ${period} avec ${view.networkName}.`;
  } else {
    title.textContent = 'Votre avis sur la mission';
    context.textContent = `La mission «\u00a0${frenchSpacing(view.competence)}\u00a0» auprès de ${view.companyName}, ${period}.`;
  }
  context.hidden = false;
  if (view.answered) {
    thanks.textContent =
      'Merci, votre réponse est déjà enregistrée. Pour la corriger, répondez au courriel de l’équipe.';
    thanks.hidden = false;
    return;
  }
  jobs.hidden = view.role !== 'sme';
  satisfaction.hidden = view.kind !== 'closing';
  comment.hidden = view.kind !== 'closing';
  form.hidden = false;
};

const control = (field: string): HTMLElement | null =>
  field === 'satisfaction' ? satisfaction : (form.elements.namedItem(field) as HTMLElement | null);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') === 'true') return;
  clearErrors(['jobsCreated', 'jobsMaintained', 'satisfaction', 'comment'].map(control), failure);
  const value = (name: string) => {
    const element = form.elements.namedItem(name);
    if (element instanceof RadioNodeList) return element.value || undefined;
    return (element as HTMLInputElement | null)?.value.trim() || undefined;
  };
  const body = {
    token,
    ...(jobs.hidden ? {} : { jobsCreated: value('jobsCreated'), jobsMaintained: value('jobsMaintained') }),
    ...(satisfaction.hidden ? {} : { satisfaction: value('satisfaction'), comment: value('comment') }),
  };
  const taken = await sendLinkedAnswer({
    url: '/api/outcomes',
    method: 'POST',
    body,
    button,
    failure,
    control,
  });
  if (isApiError(taken)) showThanks(form, thanks, taken.message);
});

void loadLinkedView({
  url: `/api/outcomes?t=${encodeURIComponent(token)}`,
  isView: (body): body is OutcomeFormView => typeof body === 'object' && body !== null && 'kind' in body,
  status,
  fail,
  unreadable,
}).then((view) => view && show(view));
