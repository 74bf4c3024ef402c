import {
  noteSchema,
  opinionSchema,
  orientationLabels,
  orientations,
  sourceLabels,
  statusLabels,
  type TransitionRequest,
  transitionRequestSchema,
  waitingOn,
} from '../../../../shared/application-lifecycle.ts';
import { frenchDay, frenchMonth, parisDateTime, parisDaysBetween } from '../../../../shared/dates.ts';
import { frenchSpacing } from '../../../../shared/french-spacing.ts';
import type { ApplicationView, CommitteeSummary, HistoryLine } from '../../../../shared/staff-api.ts';
import { phoneHref, phoneText } from '../../lib/contact.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { validatorFor } from '../../lib/forms/validator.ts';
import {
  addNote,
  getApplication,
  listCommittees,
  moveApplication,
  StaffApiError,
  setOpinion,
} from '../../lib/staff/api.ts';
import {
  committeeWhen,
  daysAgo,
  moveLabel,
  quotedStatus,
  readableSiret,
  splitCommittees,
  waitingOnLabel,
} from '../../lib/staff/format.ts';
import { facts, failureBox, selectField, showFailure, textareaField } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { committeeHref, staffPages } from '../../lib/staff/pages.ts';
import { missionsPanel } from './application-missions.ts';

/**
 * One application (`/espace-equipe/candidature/?ref=ALZ-36-2026-0001`): what the SME sent, its
 * status and history, the team's notes and opinion, and the moves staff may make now. Every change
 * answers the whole application, which the page draws again; a move sends the version it read, and
 * when someone else changed the application first (409) the page shows theirs instead.
 */
const title = byId('titre', HTMLElement);
const announcement = byId('annonce', HTMLElement);
const alert = byId('alerte', HTMLElement);
const root = byId('candidature', HTMLElement);
const pageTitle = document.title;

const reference = (new URLSearchParams(window.location.search).get('ref') ?? '').trim().toUpperCase();

const validateMove = validatorFor(transitionRequestSchema);
const validateNote = validatorFor(noteSchema);
const validateOpinion = validatorFor(opinionSchema);

/** The application as last answered by the API: every form reads its version from here. */
let view: ApplicationView;
/** Upcoming committees of the application's network, read once a move needs one. */
let committees: Promise<CommitteeSummary[]> | undefined;

const say = (text: string) => {
  alert.hidden = true;
  announcement.textContent = text;
  announcement.focus();
};

const link = (href: string, text: string) => h('a', { href }, [text]);

// ——— What the SME sent ———

const companySection = ({ company }: ApplicationView) =>
  section('entreprise', 'L’entreprise', [
    facts([
      ['Nom', company.name],
      ['SIRET', readableSiret(company.siret)],
      [
        'Activité (NAF)',
        company.nafCode && (company.nafLabel ? `${company.nafCode} – ${company.nafLabel}` : company.nafCode),
      ],
      ['Salariés', String(company.employees)],
      [
        'Commune',
        `${company.postcode} ${company.communeName}${company.city !== company.communeName ? ` (écrit «\u00a0${company.city}\u00a0»)` : ''}`,
      ],
      ['Année de création', company.createdYear === undefined ? undefined : String(company.createdYear)],
      [
        'Site internet',
        // The schema lets in only http and https addresses; only those become a link all the same.
        company.website &&
          (/^https?:\/\//.test(company.website)
            ? h('a', { href: company.website, rel: 'noreferrer' }, [company.website])
            : company.website),
      ],
    ]),
  ]);

const contactSection = ({ contact }: ApplicationView) =>
  section('contact', 'La personne à contacter', [
    facts([
      ['Nom', `${contact.firstName} ${contact.lastName}`],
      ['Fonction', contact.role],
      ['Courriel', link(`mailto:${contact.email}`, contact.email)],
      ['Téléphone', contact.phone && link(phoneHref(contact.phone), phoneText(contact.phone))],
    ]),
  ]);

const projectSection = ({ project, source }: ApplicationView) =>
  section('projet', 'Le projet', [
    facts([
      ['Titre', project.title],
      ['Description', h('p', { class: 'typed' }, [frenchSpacing(project.description)])],
      [
        'Compétences demandées',
        h(
          'ul',
          {},
          project.competences.map((competence) => h('li', {}, [frenchSpacing(competence.label)])),
        ),
      ],
      ['Emplois à créer', project.jobsToCreate === undefined ? 'non précisé' : String(project.jobsToCreate)],
      [
        'Emplois à maintenir',
        project.jobsToMaintain === undefined ? 'non précisé' : String(project.jobsToMaintain),
      ],
      [
        'Démarrage souhaité',
        project.desiredStart ? frenchMonth(project.desiredStart) : 'pas de date précise',
      ],
      ['Origine', sourceLabels[source]],
    ]),
  ]);

// ——— Status and history ———

const summarySection = (current: ApplicationView) => {
  const waits = waitingOn[current.status];
  return h('div', {}, [
    h('p', { class: 'summary-line' }, [
      h('span', { class: 'badge' }, [statusLabels[current.status]]),
      waits ? ` En attente\u00a0: ${waitingOnLabel(waits)}.` : ' Candidature close.',
    ]),
    facts([
      ['Référence', current.reference],
      ['Réseau', current.network.name],
      [
        'Reçue',
        `le ${parisDateTime(current.receivedAt)} (${daysAgo(parisDaysBetween(current.receivedAt, new Date()))})`,
      ],
      [
        'Comité',
        current.committee &&
          link(committeeHref(current.committee.id), `Comité du ${frenchDay(current.committee.date)}`),
      ],
      [
        'Anonymisée',
        current.anonymisation &&
          `le ${parisDateTime(current.anonymisation.at)} par ${current.anonymisation.actor.name} : ${frenchSpacing(current.anonymisation.reason)}`,
      ],
    ]),
  ]);
};

const historyLine = (line: HistoryLine) =>
  h('li', {}, [
    h('p', {}, [
      h('strong', {}, [
        line.from ? `${statusLabels[line.from]} → ${statusLabels[line.to]}` : statusLabels[line.to],
      ]),
    ]),
    h('p', { class: 'meta' }, [`Le ${parisDateTime(line.at)}, par ${line.actor.name}`]),
    line.reason && h('p', { class: 'typed' }, [`Motif\u00a0: ${frenchSpacing(line.reason)}`]),
    line.committee &&
      h('p', {}, [link(committeeHref(line.committee.id), `Comité du ${frenchDay(line.committee.date)}`)]),
    line.orientation && h('p', {}, [`Orientation proposée\u00a0: ${orientationLabels[line.orientation]}`]),
  ]);

const historySection = ({ history }: ApplicationView) =>
  section('historique', 'Historique', [h('ol', { class: 'timeline' }, history.map(historyLine))]);

// ——— Moves ———

/** A move's committee select: the network's committees still to meet, soonest first. */
const committeeField = async (id: string, failure: HTMLElement): Promise<HTMLElement> => {
  committees ??= listCommittees(view.network.id).then(
    (answer) => splitCommittees(answer.committees, new Date()).upcoming,
  );
  try {
    const upcoming = await committees;
    if (upcoming.length === 0) {
      return h('p', { class: 'note' }, [
        'Aucun comité à venir n’est programmé pour ce réseau\u00a0: ',
        link(staffPages.committees, 'programmez-en un'),
        ', puis revenez ici.',
      ]);
    }
    return selectField({
      id,
      name: 'committeeId',
      label: 'Comité d’agrément',
      choices: [
        ['', 'Choisissez un comité'],
        ...upcoming.map((c): [string, string] => [
          c.id,
          `${committeeWhen(c)}${c.place ? `, ${c.place}` : ''} (${c.agendaSize === 0 ? 'aucune candidature inscrite' : plural(c.agendaSize, 'candidature inscrite', 'candidatures inscrites')})`,
        ]),
      ],
    });
  } catch (error) {
    committees = undefined;
    showFailure(failure, `La liste des comités n’a pas pu être chargée\u00a0: ${messageOf(error)}`);
    return h('span');
  }
};

/** What was typed in a move's form before the page was drawn again, and whether it was open. */
interface Typed {
  reason: string | undefined;
  open: boolean;
}

const moveForm = (move: ApplicationView['moves'][number], typed: Typed | undefined) => {
  const id = `mouvement-${move.to}`;
  const label = moveLabel(view.status, move.to);
  const failure = failureBox();
  const button = h('button', { type: 'submit' }, [
    'Confirmer',
    h('span', { class: 'visually-hidden' }, [`\u00a0: ${label}`]),
  ]);
  const form = h('form', { novalidate: '' }, [failure]);
  const details = h('details', { class: 'move', 'data-move': move.to }, [h('summary', {}, [label]), form]);
  details.open = typed?.open ?? false;

  if (move.to === 'ineligible') {
    form.append(
      selectField({
        id: `${id}-orientation`,
        name: 'orientation',
        label: 'Orientation proposée à l’entreprise',
        hint: 'Pour qu’elle ne reparte pas sans solution.',
        requirement: 'optional',
        choices: [
          ['', 'Aucune orientation'],
          ...orientations.map((o): [string, string] => [o, orientationLabels[o]]),
        ],
      }),
    );
  }
  if (move.reason) {
    form.append(
      textareaField({
        id: `${id}-motif`,
        name: 'reason',
        label: 'Motif',
        hint: 'Gardé dans l’historique de la candidature.',
        maxlength: 2000,
        value: typed?.reason ?? '',
      }),
    );
  }
  form.append(h('p', {}, [button]));
  if (move.committee) {
    void committeeField(`${id}-comite`, failure).then((field) => {
      failure.after(field);
      // No committee to come: the move cannot be made here yet, the note says where to go.
      if (field.classList.contains('note')) button.closest('p')?.remove();
    });
  }

  const control = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      clearErrors(['reason', 'committeeId', 'orientation'].map(control), failure);
      const value = (name: string) => control(name)?.value.trim() || undefined;
      const request = {
        to: move.to,
        version: view.version,
        reason: value('reason'),
        committeeId: value('committeeId'),
        orientation: value('orientation'),
      };
      const errors = validateMove(request);
      if (move.reason && !request.reason) errors.push({ field: 'reason', message: 'Indiquez le motif.' });
      if (move.committee && !request.committeeId) {
        errors.push({ field: 'committeeId', message: 'Choisissez le comité où présenter ce projet.' });
      }
      if (errors.length > 0) {
        showErrors(errors, control, failure).focus();
        return;
      }
      try {
        const moved = await moveApplication(view.reference, request as TransitionRequest);
        draw(moved);
        say(`La candidature est maintenant ${quotedStatus(moved.status)}.`);
      } catch (error) {
        if (error instanceof StaffApiError && error.status === 409 && error.current) {
          draw(error.current);
          announcement.textContent = '';
          alert.replaceChildren(h('p', {}, [error.message]));
          alert.hidden = false;
          alert.focus();
          return;
        }
        const fieldErrors = error instanceof StaffApiError ? error.errors : [];
        showErrors(fieldErrors, control, failure, messageOf(error)).focus();
      }
    });
  });
  return details;
};

const movesSection = (current: ApplicationView) => {
  if (!current.editable) {
    return section('actions', 'Faire avancer la candidature', [
      h('p', {}, [
        `Vous pouvez consulter cette candidature, mais seule l’équipe du réseau ${current.network.name} peut la faire avancer.`,
      ]),
    ]);
  }
  if (current.moves.length === 0) {
    return section('actions', 'Faire avancer la candidature', [
      h('p', {}, [
        waitingOn[current.status] === 'missions'
          ? 'Son statut changera avec les missions de l’accompagnement.'
          : 'Cette candidature est close\u00a0: son statut ne change plus.',
      ]),
    ]);
  }
  // A move's form, open with its reason typed, stays so across a redraw (after a 409, for instance).
  const typed = new Map(
    [...root.querySelectorAll<HTMLDetailsElement>('details[data-move]')].map((details): [string, Typed] => [
      details.dataset.move ?? '',
      { reason: details.querySelector('textarea')?.value, open: details.open },
    ]),
  );
  return section('actions', 'Faire avancer la candidature', [
    h(
      'ul',
      { class: 'moves' },
      current.moves.map((move) => h('li', {}, [moveForm(move, typed.get(move.to))])),
    ),
  ]);
};

// ——— Notes and opinion: their forms are built once and kept across redraws ———

const notesList = h('div');
const opinionShown = h('div');

const drawNotes = ({ notes }: ApplicationView) =>
  notesList.replaceChildren(
    notes.length === 0
      ? h('p', {}, ['Aucune note pour le moment.'])
      : h(
          'ul',
          { class: 'notes' },
          notes.map((note) =>
            h('li', {}, [
              h('p', { class: 'meta' }, [`${note.author.name}, le ${parisDateTime(note.at)}`]),
              h('p', { class: 'typed' }, [frenchSpacing(note.text)]),
            ]),
          ),
        ),
  );

const drawOpinion = ({ opinion }: ApplicationView) =>
  opinionShown.replaceChildren(
    opinion
      ? h('blockquote', {}, [h('p', { class: 'typed' }, [frenchSpacing(opinion)])])
      : h('p', {}, ['Pas encore d’avis.']),
  );

/** A one-textarea form (a note, the opinion), checked with its shared schema, sent by `send`. */
const textForm = (options: {
  id: string;
  name: 'text' | 'opinion';
  label: string;
  hint: string;
  buttonLabel: string;
  value?: string;
  validate: (value: unknown) => { field: string; message: string }[];
  send: (text: string) => Promise<ApplicationView>;
  done: string;
  clearAfter: boolean;
}) => {
  const field = textareaField({
    id: options.id,
    name: options.name,
    label: options.label,
    hint: options.hint,
    rows: 5,
    maxlength: options.name === 'text' ? 4000 : 2000,
    value: options.value ?? '',
  });
  const textarea = field.querySelector('textarea') as HTMLTextAreaElement;
  const failure = failureBox();
  const button = h('button', { type: 'submit' }, [options.buttonLabel]);
  const form = h('form', { novalidate: '', class: 'form no-print' }, [failure, field, h('p', {}, [button])]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      clearErrors([textarea], failure);
      const controlOf = (field: string) => (field === options.name ? textarea : null);
      const errors = options.validate({ [options.name]: textarea.value });
      if (errors.length > 0) {
        showErrors(errors, controlOf, failure).focus();
        return;
      }
      try {
        const updated = await options.send(textarea.value.trim());
        if (options.clearAfter) textarea.value = '';
        draw(updated);
        say(options.done);
      } catch (failed) {
        showErrors(
          failed instanceof StaffApiError ? failed.errors : [],
          controlOf,
          failure,
          messageOf(failed),
        ).focus();
      }
    });
  });
  return form;
};

let notesSection: HTMLElement | undefined;
let opinionSection: HTMLElement | undefined;
/** The missions, read on their own once the application is known, kept across redraws. */
let missions: ReturnType<typeof missionsPanel> | undefined;

const buildKeptSections = (first: ApplicationView) => {
  notesSection = section('notes', 'Notes de l’équipe', [
    h('p', { class: 'hint' }, ['Entre membres de l’équipe seulement\u00a0: l’entreprise ne les voit pas.']),
    notesList,
    first.editable &&
      textForm({
        id: 'nouvelle-note',
        name: 'text',
        label: 'Nouvelle note',
        hint: 'Un appel, un rendez-vous, ce qu’il reste à faire.',
        buttonLabel: 'Ajouter la note',
        validate: validateNote,
        send: (text) => addNote(view.reference, text),
        done: 'Note ajoutée.',
        clearAfter: true,
      }),
  ]);
  opinionSection = section('avis', 'Avis de l’équipe pour le comité', [
    h('p', { class: 'hint' }, ['Imprimé sur l’ordre du jour du comité, sous le projet.']),
    opinionShown,
    first.editable &&
      textForm({
        id: 'avis-equipe',
        name: 'opinion',
        label: first.opinion ? 'Modifier l’avis' : 'Avis de l’équipe',
        hint: 'Ce que le comité doit savoir du projet et de l’entreprise.',
        buttonLabel: 'Enregistrer l’avis',
        value: first.opinion ?? '',
        validate: validateOpinion,
        send: (opinion) => setOpinion(view.reference, opinion),
        done: 'Avis enregistré.',
        clearAfter: false,
      }),
  ]);
};

// ——— The page ———

function section(id: string, heading: string, children: (Node | string | false | undefined)[]) {
  return h('section', { id, 'aria-labelledby': `${id}-titre` }, [
    h('h2', { id: `${id}-titre` }, [heading]),
    ...children,
  ]);
}

function draw(current: ApplicationView) {
  if (!notesSection || !opinionSection) buildKeptSections(current);
  const statusChanged = view !== undefined && view.status !== current.status;
  missions ??= missionsPanel(
    current.reference,
    () => view.project.competences.map((competence) => competence.id),
    (text) => {
      say(text);
      // A first mission moves the application to « en cours »: read it again to show so.
      void getApplication(view.reference).then(draw, () => undefined);
    },
  );
  if (statusChanged) void missions.reload();
  view = current;
  drawNotes(current);
  drawOpinion(current);
  title.textContent = current.company.name;
  document.title = `${current.company.name}, ${current.reference} – ${pageTitle}`;
  root.replaceChildren(
    summarySection(current),
    movesSection(current),
    missions.panel,
    projectSection(current),
    opinionSection as HTMLElement,
    companySection(current),
    contactSection(current),
    notesSection as HTMLElement,
    historySection(current),
  );
  root.hidden = false;
}

if (/^ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,}$/.test(reference)) {
  void loadPage(() => getApplication(reference), draw);
} else {
  root.replaceChildren(
    h('p', {}, [
      reference
        ? `«\u00a0${reference}\u00a0» n’est pas une référence de candidature (elle s’écrit comme ALZ-36-2026-0001).`
        : 'Aucune candidature n’est indiquée dans l’adresse de cette page.',
    ]),
    h('p', {}, [link(staffPages.inbox, 'Retrouver la candidature dans la liste')]),
  );
  root.hidden = false;
}
