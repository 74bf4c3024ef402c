import {
  type ApplicationStatus,
  type CommitteeDecision,
  committeeDecisions,
  decisionsSchema,
  statusLabels,
} from '../../../../shared/application-lifecycle.ts';
import { parisDateTime } from '../../../../shared/dates.ts';
import { frenchSpacing } from '../../../../shared/french-spacing.ts';
import type {
  ApplicationView,
  CommitteeView,
  DecisionsResult,
  StaffSession,
} from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { validatorFor } from '../../lib/forms/validator.ts';
import {
  type Decision,
  getCommittee,
  getSession,
  recordDecisions,
  StaffApiError,
} from '../../lib/staff/api.ts';
import { committeeWhen, isStatus } from '../../lib/staff/format.ts';
import { facts, failureBox, scrollTable, selectField, textareaField } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { applicationHref } from '../../lib/staff/pages.ts';

/**
 * One committee (`/espace-equipe/comite/?id=2027-03-15-indre`): its agenda, printable one
 * application a page (styles/staff.css, `@media print`), and one form for all the decisions of the
 * meeting, sent together; each comes back recorded or refused with its reason, and the agenda is
 * read again. Decisions already recorded are listed below.
 */
const title = byId('titre', HTMLElement);
const root = byId('comite', HTMLElement);
/** « – Alizé », as the layout ends every title. */
const titleEnd = document.title.slice(document.title.lastIndexOf(' – '));
const id = (new URLSearchParams(window.location.search).get('id') ?? '').trim();
const validate = validatorFor(decisionsSchema);

let session: StaffSession;
let committee: CommitteeView;

const networkName = (network: string) =>
  session.networks.find((candidate) => candidate.id === network)?.name ?? network;

/** « Comité d’agrément Alizé Indre, 15 mars 2027 à 14 h 30 » */
const committeeName = () =>
  `Comité d’agrément ${networkName(committee.network)}, ${committeeWhen(committee)}`;

const applicationName = (application: ApplicationView) =>
  `${application.company.name} – ${application.project.title}`;

const count = (value: number | undefined) => (value === undefined ? 'non précisé' : String(value));

// ——— The agenda, as printed ———

const agendaItem = (application: ApplicationView, index: number) =>
  h('li', { class: 'agenda-item' }, [
    h('p', { class: 'print-only print-heading' }, [committeeName()]),
    h('h3', {}, [`${index + 1}. ${applicationName(application)}`]),
    facts([
      ['Référence', h('a', { href: applicationHref(application.reference) }, [application.reference])],
      [
        'Entreprise',
        `${application.company.name}, ${application.company.communeName} (${plural(application.company.employees, 'salarié', 'salariés')})`,
      ],
      ['Projet', h('p', { class: 'typed' }, [frenchSpacing(application.project.description)])],
      [
        'Compétences demandées',
        h(
          'ul',
          {},
          application.project.competences.map((competence) => h('li', {}, [frenchSpacing(competence.label)])),
        ),
      ],
      ['Emplois à créer', count(application.project.jobsToCreate)],
      ['Emplois à maintenir', count(application.project.jobsToMaintain)],
      [
        'Avis de l’équipe',
        application.opinion
          ? h('p', { class: 'typed' }, [frenchSpacing(application.opinion)])
          : 'pas encore d’avis',
      ],
    ]),
  ]);

const agendaSection = () =>
  h('section', { 'aria-labelledby': 'ordre-du-jour-titre' }, [
    h('h2', { id: 'ordre-du-jour-titre' }, ['Ordre du jour']),
    committee.agenda.length === 0
      ? h('p', {}, [
          'Aucune candidature n’est inscrite à ce comité pour le moment. On l’y inscrit depuis la page d’une candidature qualifiée.',
        ])
      : h('p', {}, [plural(committee.agenda.length, 'candidature', 'candidatures')]),
    committee.agenda.length > 0 &&
      h('p', { class: 'no-print' }, [
        (() => {
          const print = h('button', { type: 'button', class: 'secondary' }, ['Imprimer l’ordre du jour']);
          print.addEventListener('click', () => window.print());
          return print;
        })(),
      ]),
    h('ol', { class: 'agenda' }, committee.agenda.map(agendaItem)),
  ]);

// ——— The decisions of the meeting, all in one form ———

interface Kept {
  decision: string;
  reason: string;
  refusal?: string;
}

const decisionRow = (application: ApplicationView, index: number, kept: Kept | undefined) => {
  const rowId = `decision-${index}`;
  const fieldset = h('fieldset', { class: 'decision', 'data-reference': application.reference }, [
    h('legend', {}, [`${applicationName(application)} (${application.reference})`]),
    selectField({
      id: `${rowId}-choix`,
      name: 'decision',
      label: 'Décision',
      requirement: 'conditional',
      choices: [
        ['', 'Pas de décision aujourd’hui'],
        ...committeeDecisions.map((decision): [string, string] => [decision, statusLabels[decision]]),
      ],
    }),
    textareaField({
      id: `${rowId}-motif`,
      name: 'reason',
      label: 'Motif',
      hint: 'Obligatoire, sauf pour un projet retenu.',
      requirement: 'conditional',
      rows: 3,
      maxlength: 2000,
      value: kept?.reason ?? '',
    }),
  ]);
  const select = fieldset.querySelector('select') as HTMLSelectElement;
  select.value = kept?.decision ?? '';
  return fieldset;
};

const decisionsForm = (kept: Map<string, Kept>) => {
  const failure = failureBox();
  const button = h('button', { type: 'submit' }, ['Enregistrer les décisions']);
  const rows = committee.agenda.map((application, index) =>
    decisionRow(application, index, kept.get(application.reference)),
  );
  const form = h('form', { novalidate: '', class: 'form' }, [
    h('p', { class: 'hint' }, [
      'Indiquez la décision du comité pour chaque candidature, puis enregistrez-les toutes en une fois. Une candidature laissée sans décision reste à l’ordre du jour.',
    ]),
    failure,
    ...rows,
    h('p', {}, [button]),
  ]);
  for (const [index, application] of committee.agenda.entries()) {
    const refusal = kept.get(application.reference)?.refusal;
    const select = rows[index]?.querySelector('select');
    if (refusal && select) showErrors([{ field: 'decision', message: refusal }], () => select, failure);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      const controls = rows.flatMap((row) => [row.querySelector('select'), row.querySelector('textarea')]);
      clearErrors(controls, failure);
      /** The rows with a decision, in the order sent: `decisions.2.reason` is the third of them. */
      const chosen = committee.agenda.flatMap((application, index) => {
        const row = rows[index] as HTMLFieldSetElement;
        const select = row.querySelector('select') as HTMLSelectElement;
        const textarea = row.querySelector('textarea') as HTMLTextAreaElement;
        if (!select.value) return [];
        const reason = textarea.value.trim();
        const decision: Decision = {
          reference: application.reference,
          version: application.version,
          decision: select.value as CommitteeDecision,
          ...(reason ? { reason } : {}),
        };
        return [{ decision, select, textarea }];
      });
      const controlOf = (field: string) => {
        const [, index, name] = /^decisions\.(\d+)\.(\w+)/.exec(field) ?? [];
        const row = chosen[Number(index)];
        if (!row) return null;
        return name === 'reason' ? row.textarea : row.select;
      };
      const errors = chosen.length === 0 ? [] : validate({ decisions: chosen.map((row) => row.decision) });
      for (const [index, row] of chosen.entries()) {
        if (row.decision.decision !== 'approved' && !row.decision.reason) {
          errors.push({
            field: `decisions.${index}.reason`,
            message: 'Indiquez le motif de cette décision.',
          });
        }
      }
      if (chosen.length === 0) {
        showErrors([], controlOf, failure, 'Choisissez au moins une décision avant d’enregistrer.');
        return;
      }
      if (errors.length > 0) {
        showErrors(errors, controlOf, failure).focus();
        return;
      }
      let result: DecisionsResult;
      try {
        result = await recordDecisions(
          committee.id,
          chosen.map((row) => row.decision),
        );
      } catch (error) {
        showErrors(
          error instanceof StaffApiError ? error.errors : [],
          controlOf,
          failure,
          messageOf(error),
        ).focus();
        return;
      }
      await afterDecisions(
        result,
        chosen.map((row) => row.decision),
      );
    });
  });
  return form;
};

const resultsBox = h('div', { class: 'success', role: 'status', tabindex: '-1' });

/** Says what became of each decision, then reads the committee again: refused ones stay, as typed. */
const afterDecisions = async (result: DecisionsResult, sent: Decision[]) => {
  const names = new Map(
    committee.agenda.map((application) => [application.reference, applicationName(application)]),
  );
  const recorded = result.results.filter((r) => r.outcome === 'recorded').length;
  const refused = result.results.length - recorded;
  resultsBox.replaceChildren(
    h('p', {}, [
      [
        plural(recorded, 'décision enregistrée', 'décisions enregistrées'),
        refused > 0 ? plural(refused, 'refusée', 'refusées') : '',
      ]
        .filter(Boolean)
        .join(', ')
        .concat('.'),
    ]),
    h(
      'ul',
      {},
      result.results.map((r) =>
        h('li', {}, [
          `${names.get(r.reference) ?? r.reference}\u00a0: `,
          r.outcome === 'recorded'
            ? `${isStatus(r.status) ? statusLabels[r.status] : r.status}, enregistrée.`
            : `non enregistrée. ${r.message}`,
        ]),
      ),
    ),
  );
  const kept = new Map<string, Kept>();
  for (const r of result.results) {
    const decision = sent.find((d) => d.reference === r.reference);
    if (r.outcome === 'refused' && decision) {
      kept.set(r.reference, {
        decision: decision.decision,
        reason: decision.reason ?? '',
        refusal: r.message,
      });
    }
  }
  try {
    draw(await getCommittee(committee.id), kept);
  } catch (error) {
    resultsBox.append(h('p', {}, [`L’ordre du jour n’a pas pu être relu\u00a0: ${messageOf(error)}`]));
  }
  resultsBox.focus();
};

const decisionsSection = (kept: Map<string, Kept>) => {
  const editable = committee.agenda.some((application) => application.editable);
  return h('section', { class: 'no-print', 'aria-labelledby': 'decisions-titre' }, [
    h('h2', { id: 'decisions-titre' }, ['Décisions de la séance']),
    resultsBox,
    committee.agenda.length === 0
      ? h('p', {}, [
          committee.decisions.length > 0
            ? 'Plus aucune candidature n’attend de décision de ce comité.'
            : 'Rien à décider tant qu’aucune candidature n’est inscrite.',
        ])
      : editable
        ? decisionsForm(kept)
        : h('p', {}, ['Seule l’équipe du réseau enregistre les décisions de son comité.']),
  ]);
};

const decisionLabel = (decision: string) =>
  isStatus(decision) ? statusLabels[decision as ApplicationStatus] : decision;

const pastDecisionsSection = () =>
  h('section', { class: 'no-print', 'aria-labelledby': 'enregistrees-titre' }, [
    h('h2', { id: 'enregistrees-titre' }, ['Décisions enregistrées']),
    committee.decisions.length === 0
      ? h('p', {}, ['Aucune décision enregistrée pour ce comité.'])
      : scrollTable(
          'enregistrees-tableau',
          'Décisions enregistrées pour ce comité',
          ['Candidature', 'Décision', 'Motif', 'Enregistrée', 'Par'],
          committee.decisions.map((decision) =>
            h('tr', {}, [
              h('th', { scope: 'row', class: 'nowrap' }, [
                h('a', { href: applicationHref(decision.reference) }, [decision.reference]),
              ]),
              h('td', {}, [decisionLabel(decision.decision)]),
              h('td', { class: 'typed' }, [decision.reason ? frenchSpacing(decision.reason) : '']),
              h('td', {}, [`le ${parisDateTime(decision.at)}`]),
              h('td', {}, [decision.actor.name]),
            ]),
          ),
        ),
  ]);

function draw(current: CommitteeView, kept = new Map<string, Kept>()) {
  committee = current;
  title.textContent = `Comité du ${committeeWhen(current)}`;
  document.title = `${committeeName()}${titleEnd}`;
  root.replaceChildren(
    h('p', { class: 'lead' }, [
      networkName(current.network),
      current.place ? `, ${current.place}` : '',
      current.decided > 0
        ? ` · ${plural(current.decided, 'décision enregistrée', 'décisions enregistrées')}`
        : '',
    ]),
    agendaSection(),
    decisionsSection(kept),
    pastDecisionsSection(),
  );
  root.hidden = false;
}

if (/^[a-z0-9-]{3,80}$/.test(id)) {
  void loadPage(
    () => Promise.all([getSession(), getCommittee(id)]),
    ([signedIn, view]) => {
      session = signedIn;
      draw(view);
    },
  );
} else {
  root.replaceChildren(h('p', {}, ['Aucun comité n’est indiqué dans l’adresse de cette page.']));
  root.hidden = false;
}
