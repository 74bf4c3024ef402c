import { ofName } from '../../../shared/french.ts';
import type { ApplicationStatusView } from '../../../shared/staff-api.ts';
import { phoneHref, phoneText } from '../lib/contact.ts';
import { byId, h } from '../lib/dom.ts';
import { clearErrors, showErrors } from '../lib/forms/field-error.ts';
import { fetchStatus, requestStatusLink, statusMessages } from '../lib/status-api.ts';
import { pastSteps, stepLabels, upcomingSteps } from '../lib/status-steps.ts';

/**
 * The SME's status page (`/suivi/?t=<token>`): the steps of its application with their dates, the
 * next one, and whom to ask; an expired or unknown link says why and offers to send a new one.
 */
const status = byId('suivi-statut', HTMLElement);
const progress = byId('suivi-avancement', HTMLElement);
const problem = byId('suivi-probleme', HTMLElement);
const problemMessage = byId('suivi-probleme-message', HTMLElement);
const retryLine = byId('suivi-reessayer-ligne', HTMLElement);
const retry = byId('suivi-reessayer', HTMLButtonElement);
const linkSection = byId('nouveau-lien', HTMLElement);
const linkIntro = byId('nouveau-lien-intro', HTMLElement);
const form = byId('demande-lien', HTMLFormElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
const referenceInput = byId('reference', HTMLInputElement);
const emailInput = byId('email', HTMLInputElement);
const sent = byId('lien-envoye', HTMLElement);

const token = new URLSearchParams(window.location.search).get('t')?.trim() ?? '';

const section = (id: string, heading: string, children: (Node | string)[]) =>
  h('section', { 'aria-labelledby': id }, [h('h2', { id }, [heading]), ...children]);

const draw = (view: ApplicationStatusView) => {
  const steps = pastSteps(view.steps);
  const current = steps.at(-1);
  const { contact } = view.network;
  progress.replaceChildren(
    h('p', { class: 'lead' }, [
      view.companyName,
      h('br'),
      'Référence\u00a0: ',
      h('strong', { class: 'nowrap' }, [view.reference]),
    ]),
    section('ou-en-est', 'Où en est votre demande', [
      h('p', { class: 'summary-line' }, [h('strong', {}, [current?.label ?? stepLabels[view.status]]), '.']),
      h('ol', { class: 'timeline' }, [
        ...steps.map((step) =>
          h('li', step.current ? { 'aria-current': 'step' } : {}, [
            h('p', {}, [
              step.current ? h('strong', {}, [step.label]) : step.label,
              step.current ? h('span', { class: 'visually-hidden' }, [' (étape actuelle)']) : '',
            ]),
            h('p', { class: 'meta' }, [step.detail ? `${step.when} · ${step.detail}` : step.when]),
          ]),
        ),
        ...upcomingSteps(view.status).map((label) =>
          h('li', { class: 'upcoming' }, [
            h('p', {}, [h('span', { class: 'visually-hidden' }, ['À venir\u00a0: ']), label]),
          ]),
        ),
      ]),
    ]),
    section('ensuite', 'Et ensuite\u00a0?', [h('p', {}, [view.next])]),
    section('question', 'Une question\u00a0?', [
      h('p', {}, [`L’équipe ${ofName(view.network.name)} vous répond\u00a0:`]),
      h('ul', {}, [
        h('li', {}, ['par courriel, à ', h('a', { href: `mailto:${contact.email}` }, [contact.email])]),
        h('li', {}, [
          'par téléphone, au ',
          h('a', { href: phoneHref(contact.phone) }, [phoneText(contact.phone)]),
        ]),
      ]),
      h('p', { class: 'hint' }, [
        'Rappelez votre référence, ',
        h('span', { class: 'nowrap' }, [view.reference]),
        '.',
      ]),
    ]),
  );
  progress.hidden = false;
};

const showLinkForm = (intro?: string) => {
  if (intro) linkIntro.textContent = intro;
  linkSection.hidden = false;
};

const load = async () => {
  problem.hidden = true;
  status.textContent = 'Chargement de votre candidature…';
  const answer = await fetchStatus(token);
  status.textContent = '';
  if (answer.kind === 'found') {
    draw(answer.view);
    return;
  }
  problemMessage.textContent = answer.message;
  retryLine.hidden = answer.kind === 'invalid';
  problem.hidden = false;
  if (answer.kind === 'invalid') showLinkForm();
};
retry.addEventListener('click', () => void load());

const referencePattern = /^ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const controlOf = (field: string) =>
  field === 'reference' ? referenceInput : field === 'email' ? emailInput : null;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') === 'true') return;
  clearErrors([referenceInput, emailInput], failure);
  // « alz-36-2026-0001 », « ALZ 36 2026 0001 »: what a person copies or types.
  const reference = referenceInput.value
    .trim()
    .toUpperCase()
    .replace(/[\s_]+/g, '-');
  const email = emailInput.value.trim();
  const errors = [
    ...(reference === ''
      ? [{ field: 'reference', message: 'Indiquez la référence de votre candidature.' }]
      : referencePattern.test(reference)
        ? []
        : [{ field: 'reference', message: 'La référence s’écrit comme ALZ-36-2026-0001.' }]),
    ...(email === ''
      ? [{ field: 'email', message: 'Indiquez votre adresse électronique.' }]
      : emailPattern.test(email)
        ? []
        : [
            {
              field: 'email',
              message: 'Cette adresse électronique est incomplète (par exemple nom@entreprise.fr).',
            },
          ]),
  ];
  if (errors.length > 0) {
    showErrors(errors, controlOf, failure).focus();
    return;
  }
  button.setAttribute('aria-disabled', 'true');
  requestStatusLink(reference, email)
    .then((answer) => {
      if (answer.kind === 'sent') {
        form.hidden = true;
        sent.textContent = statusMessages.linkSent;
        sent.hidden = false;
        sent.focus();
      } else if (answer.kind === 'invalid') showErrors(answer.errors, controlOf, failure).focus();
      else showErrors([], controlOf, failure, answer.message);
    })
    .finally(() => button.removeAttribute('aria-disabled'));
});

if (token) void load();
else {
  showLinkForm(
    'Pour suivre votre candidature, ouvrez le lien du dernier courriel qu’Alizé vous a envoyé. Vous ne le retrouvez plus\u00a0? Indiquez votre référence et votre adresse électronique\u00a0: un nouveau lien vous sera envoyé.',
  );
}
