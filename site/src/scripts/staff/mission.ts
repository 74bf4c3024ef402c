import { frenchDay, parisDateTime } from '../../../../shared/dates.ts';
import { frenchSpacing } from '../../../../shared/french-spacing.ts';
import {
  type ClosingRequest,
  closingSchema,
  halfDaySlotLabels,
  type Intervention,
  type InterventionChange,
  interventionChangeSchema,
  interventionPlanSchema,
  interventionStatusLabels,
  type MissionView,
  missionChangeLabels,
  missionEditSchema,
  missionStatusLabels,
} from '../../../../shared/missions.ts';
import { phoneHref, phoneText } from '../../lib/contact.ts';
import { byId, h } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { validatorFor } from '../../lib/forms/validator.ts';
import {
  changeHalfDay,
  closeMission,
  downloadMissionCalendar,
  editMission,
  getMission,
  planHalfDay,
  StaffApiError,
  startMission,
} from '../../lib/staff/api.ts';
import { facts, failureBox, inputField, selectField, textareaField } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';
import { applicationHref } from '../../lib/staff/pages.ts';

/**
 * One mission (`/espace-equipe/mission/?id=ALZ-36-2026-0001-M1`): who, for whom, the agreement
 * checklist, the half-days planned against delivered with their changes, the calendar, the closing
 * with its outcomes. Every change sends the version read and answers the whole mission, drawn again;
 * when someone else changed it first (409), the page shows theirs.
 */
const title = byId('titre', HTMLElement);
const announcement = byId('annonce', HTMLElement);
const alert = byId('alerte', HTMLElement);
const root = byId('mission', HTMLElement);
const pageTitle = document.title;
const id = (new URLSearchParams(window.location.search).get('id') ?? '').trim().toUpperCase();

let view: MissionView;

const say = (text: string) => {
  alert.hidden = true;
  announcement.textContent = text;
  announcement.focus();
};

const section = (sectionId: string, heading: string, children: (Node | string | false | undefined)[]) =>
  h('section', { id: sectionId, 'aria-labelledby': `${sectionId}-titre` }, [
    h('h2', { id: `${sectionId}-titre` }, [heading]),
    ...children,
  ]);

const halfDays = (count: number) =>
  count <= 1 ? `${count}\u00a0demi-journée` : `${count}\u00a0demi-journées`;
const slotLabel = (i: Pick<Intervention, 'date' | 'slot'>) =>
  `${frenchDay(i.date)}, ${halfDaySlotLabels[i.slot]}`;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A small form of the page: its values read by name, checked with its shared schema, sent, and the
 * answer drawn; errors by the control, or in the form's box.
 */
const actionForm = (options: {
  fields: HTMLElement[];
  button: string;
  values: (control: (name: string) => Control | null) => Record<string, unknown>;
  validate: (value: unknown) => { field: string; message: string }[];
  send: (values: Record<string, unknown>) => Promise<MissionView>;
  done: (mission: MissionView) => string;
  extraButton?: HTMLButtonElement;
}) => {
  const failure = failureBox();
  const button = h('button', { type: 'submit' }, [options.button]);
  const form = h('form', { novalidate: '', class: 'form' }, [
    failure,
    ...options.fields,
    h('p', {}, [button, options.extraButton ? ' ' : '', options.extraButton ?? '']),
  ]);
  const control = (name: string) => form.elements.namedItem(name) as Control | null;
  const controls = () => [...form.querySelectorAll<HTMLElement>('input, select, textarea')];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      clearErrors(controls(), failure);
      const values = options.values(control);
      const errors = options.validate(values);
      if (errors.length > 0) {
        showErrors(errors, (field) => control(field.split('.').at(-1) ?? field), failure).focus();
        return;
      }
      try {
        const answer = await options.send(values);
        // Worded against the mission as it was, before the page shows the new one.
        const message = options.done(answer);
        draw(answer);
        say(message);
      } catch (error) {
        if (error instanceof StaffApiError && error.status === 409 && error.current) {
          draw(error.current as unknown as MissionView);
          announcement.textContent = '';
          alert.replaceChildren(h('p', {}, [error.message]));
          alert.hidden = false;
          alert.focus();
          return;
        }
        const fieldErrors = error instanceof StaffApiError ? error.errors : [];
        showErrors(
          fieldErrors,
          (field) => control(field.split('.').at(-1) ?? field),
          failure,
          messageOf(error),
        ).focus();
      }
    });
  });
  return form;
};

const text = (control: (name: string) => Control | null, name: string) =>
  control(name)?.value.trim() || undefined;
const checked = (control: (name: string) => Control | null, name: string) =>
  (control(name) as HTMLInputElement | null)?.checked ?? false;

const dateField = (
  fieldId: string,
  name: string,
  label: string,
  value: string | undefined,
  requirement: 'required' | 'optional' = 'required',
) => {
  const field = inputField({ id: fieldId, name, label, type: 'date', requirement });
  const input = field.querySelector('input') as HTMLInputElement;
  input.value = value ?? '';
  return field;
};

const numberField = (
  fieldId: string,
  name: string,
  label: string,
  value: number | undefined,
  hint?: string,
  requirement: 'required' | 'optional' = 'required',
) => {
  const field = inputField({
    id: fieldId,
    name,
    label,
    type: 'text',
    requirement,
    ...(hint ? { hint } : {}),
    attributes: { inputmode: 'numeric', size: '5', autocomplete: 'off' },
  });
  (field.querySelector('input') as HTMLInputElement).value = value === undefined ? '' : String(value);
  return field;
};

// ——— What the mission is ———

const summarySection = (mission: MissionView) =>
  h('div', {}, [
    h('p', { class: 'summary-line' }, [h('span', { class: 'badge' }, [missionStatusLabels[mission.status]])]),
    facts([
      ['Référence', mission.id],
      [
        'Candidature',
        h('a', { href: applicationHref(mission.reference) }, [
          `${mission.companyName} (${mission.reference})`,
        ]),
      ],
      ['Compétence', frenchSpacing(mission.competence.label)],
      ['Entreprise partenaire', mission.partner.name],
      ['Période', `du ${frenchDay(mission.startDate)} au ${frenchDay(mission.endDate)}`],
      [
        'Demi-journées',
        `${halfDays(mission.totals.planned)} prévue${mission.totals.planned > 1 ? 's' : ''} ou réalisée${mission.totals.planned > 1 ? 's' : ''} sur ${mission.plannedHalfDays}, dont ${halfDays(mission.totals.delivered)} réalisée${mission.totals.delivered > 1 ? 's' : ''}`,
      ],
    ]),
    h('meter', {
      id: 'avancement',
      min: '0',
      max: String(mission.plannedHalfDays),
      value: String(mission.totals.delivered),
      'aria-label': 'Demi-journées réalisées',
    }),
  ]);

const volunteerSection = ({ volunteer }: MissionView) =>
  section('salarie', 'Le salarié', [
    facts([
      ['Nom', `${volunteer.firstName} ${volunteer.lastName}`],
      ['Fonction', volunteer.role],
      ['Courriel', volunteer.email && h('a', { href: `mailto:${volunteer.email}` }, [volunteer.email])],
      [
        'Téléphone',
        volunteer.phone && h('a', { href: phoneHref(volunteer.phone) }, [phoneText(volunteer.phone)]),
      ],
    ]),
  ]);

// ——— Checklist and plan ———

const checklistSection = (mission: MissionView) => {
  const { agreementSignedOn, consentSignedOn } = mission.checklist;
  const children: (Node | false)[] = [
    h('p', { class: 'hint' }, [
      'Un prêt de salarié entre entreprises demande une convention signée entre elles et l’accord écrit du salarié (Code du travail, article L8241-2)\u00a0: la mission ne démarre qu’avec les deux.',
    ]),
    facts([
      ['Convention signée', agreementSignedOn ? `le ${frenchDay(agreementSignedOn)}` : 'pas encore'],
      ['Accord écrit du salarié', consentSignedOn ? `le ${frenchDay(consentSignedOn)}` : 'pas encore'],
    ]),
  ];
  if (mission.editable && (mission.status === 'preparing' || mission.status === 'active')) {
    children.push(
      h('details', { class: 'move' }, [
        h('summary', {}, ['Modifier la convention, les dates ou les demi-journées prévues']),
        actionForm({
          fields: [
            dateField(
              'convention',
              'agreementSignedOn',
              'Date de signature de la convention',
              agreementSignedOn,
              'optional',
            ),
            dateField(
              'accord',
              'consentSignedOn',
              'Date de l’accord écrit du salarié',
              consentSignedOn,
              'optional',
            ),
            numberField(
              'prevues',
              'plannedHalfDays',
              'Demi-journées prévues en tout',
              mission.plannedHalfDays,
            ),
            dateField('debut', 'startDate', 'Date de début', mission.startDate),
            dateField('fin', 'endDate', 'Date de fin', mission.endDate, 'required'),
          ],
          button: 'Enregistrer',
          values: (control) => ({
            version: view.version,
            plannedHalfDays: text(control, 'plannedHalfDays'),
            startDate: text(control, 'startDate'),
            endDate: text(control, 'endDate'),
            checklist: {
              agreementSignedOn: text(control, 'agreementSignedOn'),
              consentSignedOn: text(control, 'consentSignedOn'),
            },
          }),
          validate: validatorFor(missionEditSchema),
          send: (values) => editMission(view.id, values as never),
          done: () => 'Mission enregistrée.',
        }),
      ]),
    );
  }
  if (mission.editable && mission.status === 'preparing') {
    const button = h('button', { type: 'button', id: 'demarrer' }, ['Démarrer la mission']);
    const failure = failureBox();
    button.addEventListener(
      'click',
      () =>
        void busy(button, async () => {
          failure.replaceChildren();
          try {
            draw(await startMission(view.id, view.version));
            say('La mission est démarrée\u00a0: le salarié et l’entreprise en sont informés par courriel.');
          } catch (error) {
            failure.replaceChildren(h('p', {}, [messageOf(error)]));
            failure.focus();
          }
        }),
    );
    children.push(
      h('div', {}, [
        failure,
        h('p', {}, [button]),
        h('p', { class: 'hint' }, [
          'Le salarié reçoit la mission et l’entreprise sa présentation, avec le calendrier.',
        ]),
      ]),
    );
  }
  return section('convention', 'Convention et démarrage', children);
};

// ——— Half-days ———

const changeForms = (intervention: Intervention) => {
  const prefix = `dj-${intervention.id}`;
  const send = (change: Record<string, unknown>) =>
    changeHalfDay(view.id, intervention.id, change as InterventionChange);
  const validate = validatorFor(interventionChangeSchema);
  const forms: HTMLElement[] = [];
  if (view.status === 'active' && intervention.date <= new Date().toISOString().slice(0, 10)) {
    forms.push(
      h('details', { class: 'move', 'data-action': 'done' }, [
        h('summary', {}, [
          `Noter réalisée`,
          h('span', { class: 'visually-hidden' }, [`\u00a0: ${slotLabel(intervention)}`]),
        ]),
        actionForm({
          fields: [
            textareaField({
              id: `${prefix}-note-faite`,
              name: 'note',
              label: 'Note',
              requirement: 'optional',
              rows: 2,
              maxlength: 1000,
            }),
          ],
          button: 'Confirmer',
          values: (control) => ({ action: 'done', version: view.version, note: text(control, 'note') }),
          validate,
          send,
          done: () => `La demi-journée du ${slotLabel(intervention)} est notée réalisée.`,
        }),
      ]),
    );
  }
  forms.push(
    h('details', { class: 'move', 'data-action': 'reschedule' }, [
      h('summary', {}, [
        'Déplacer',
        h('span', { class: 'visually-hidden' }, [`\u00a0: ${slotLabel(intervention)}`]),
      ]),
      actionForm({
        fields: [
          dateField(`${prefix}-date`, 'date', 'Nouvelle date', intervention.date),
          selectField({
            id: `${prefix}-creneau`,
            name: 'slot',
            label: 'Créneau',
            choices: [
              ['morning', 'Matin (9\u00a0h – 12\u00a0h\u00a030)'],
              ['afternoon', 'Après-midi (14\u00a0h – 17\u00a0h\u00a030)'],
            ],
          }),
          textareaField({
            id: `${prefix}-note-deplacee`,
            name: 'note',
            label: 'Pourquoi',
            requirement: 'optional',
            rows: 2,
            maxlength: 1000,
          }),
        ],
        button: 'Déplacer',
        values: (control) => ({
          action: 'reschedule',
          version: view.version,
          date: text(control, 'date'),
          slot: text(control, 'slot'),
          note: text(control, 'note'),
        }),
        validate,
        send,
        done: (mission) => {
          const moved = mission.interventions.find((i) => i.id === intervention.id);
          return moved ? `Demi-journée déplacée au ${slotLabel(moved)}.` : 'Demi-journée déplacée.';
        },
      }),
    ]),
    h('details', { class: 'move', 'data-action': 'cancel' }, [
      h('summary', {}, [
        'Annuler',
        h('span', { class: 'visually-hidden' }, [`\u00a0: ${slotLabel(intervention)}`]),
      ]),
      actionForm({
        fields: [
          textareaField({
            id: `${prefix}-note-annulee`,
            name: 'note',
            label: 'Pourquoi',
            requirement: 'optional',
            rows: 2,
            maxlength: 1000,
          }),
        ],
        button: 'Annuler la demi-journée',
        values: (control) => ({ action: 'cancel', version: view.version, note: text(control, 'note') }),
        validate,
        send,
        done: () => `La demi-journée du ${slotLabel(intervention)} est annulée.`,
      }),
    ]),
  );
  const select = forms
    .map((form) => form.querySelector('select[name="slot"]'))
    .find((element): element is HTMLSelectElement => element instanceof HTMLSelectElement);
  if (select) select.value = intervention.slot;
  return forms;
};

const historyText = (line: Intervention['history'][number]) => {
  const when = `le ${parisDateTime(line.at)}, par ${line.actor.name}`;
  switch (line.change) {
    case 'planned':
      return `Prévue ${when}`;
    case 'rescheduled':
      return `Déplacée du ${line.from ? slotLabel(line.from) : '?'} au ${line.to ? slotLabel(line.to) : '?'} ${when}`;
    case 'cancelled':
      return `Annulée ${when}`;
    case 'done':
      return `Notée réalisée ${when}`;
  }
};

const interventionItem = (intervention: Intervention) =>
  h('li', { 'data-intervention': intervention.id, class: `half-day half-day-${intervention.status}` }, [
    h('p', {}, [
      h('strong', {}, [slotLabel(intervention)]),
      ` · ${intervention.remote ? 'à distance' : (intervention.place ?? 'lieu à convenir')} · `,
      h('span', { class: 'badge' }, [interventionStatusLabels[intervention.status]]),
    ]),
    intervention.note && h('p', { class: 'typed' }, [frenchSpacing(intervention.note)]),
    h('details', {}, [
      h('summary', {}, ['Historique de la demi-journée']),
      h(
        'ul',
        {},
        intervention.history.map((line) =>
          h('li', {}, [historyText(line), line.note ? ` («\u00a0${line.note}\u00a0»)` : '']),
        ),
      ),
    ]),
    view.editable &&
    intervention.status === 'planned' &&
    (view.status === 'preparing' || view.status === 'active')
      ? h('div', { class: 'moves' }, changeForms(intervention))
      : false,
  ]);

const calendarButton = (holder: 'volunteer' | 'sme', label: string) => {
  const button = h('button', { type: 'button', 'data-calendar': holder }, [label]);
  button.addEventListener(
    'click',
    () =>
      void busy(button, async () => {
        try {
          const file = await downloadMissionCalendar(view.id, holder);
          const link = h('a', {
            href: URL.createObjectURL(file),
            download: `mission-${view.id.toLowerCase()}${holder === 'sme' ? '-entreprise' : ''}.ics`,
          });
          document.body.append(link);
          link.click();
          link.remove();
          setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        } catch (error) {
          alert.replaceChildren(h('p', {}, [messageOf(error)]));
          alert.hidden = false;
        }
      }),
  );
  return button;
};

const halfDaysSection = (mission: MissionView) => {
  const canPlan = mission.editable && (mission.status === 'preparing' || mission.status === 'active');
  return section('demi-journees', 'Demi-journées', [
    h('p', {}, [
      `Prévues ou réalisées\u00a0: ${mission.totals.planned} sur ${mission.plannedHalfDays}. Réalisées\u00a0: ${mission.totals.delivered}. Restant à prévoir\u00a0: ${mission.totals.remaining}.`,
    ]),
    mission.interventions.length === 0
      ? h('p', {}, ['Aucune demi-journée prévue pour le moment.'])
      : h('ol', { class: 'notes', id: 'liste-demi-journees' }, mission.interventions.map(interventionItem)),
    h('p', { class: 'no-print' }, [
      calendarButton('volunteer', 'Télécharger le calendrier du salarié (.ics)'),
      ' ',
      calendarButton('sme', 'Télécharger le calendrier de l’entreprise (.ics)'),
    ]),
    canPlan &&
      mission.totals.remaining > 0 &&
      h('details', { class: 'move', id: 'prevoir' }, [
        h('summary', {}, ['Prévoir une demi-journée']),
        actionForm({
          fields: [
            dateField('nouvelle-date', 'date', 'Date', undefined),
            selectField({
              id: 'nouveau-creneau',
              name: 'slot',
              label: 'Créneau',
              choices: [
                ['morning', 'Matin (9\u00a0h – 12\u00a0h\u00a030)'],
                ['afternoon', 'Après-midi (14\u00a0h – 17\u00a0h\u00a030)'],
              ],
            }),
            h('div', { class: 'field checkbox' }, [
              h('input', { id: 'a-distance', name: 'remote', type: 'checkbox' }),
              h('label', { for: 'a-distance' }, ['À distance']),
            ]),
            inputField({
              id: 'lieu',
              name: 'place',
              label: 'Lieu',
              requirement: 'optional',
              attributes: { maxlength: '200' },
            }),
            textareaField({
              id: 'note-prevue',
              name: 'note',
              label: 'Note',
              requirement: 'optional',
              rows: 2,
              maxlength: 1000,
            }),
          ],
          button: 'Prévoir',
          values: (control) => ({
            version: view.version,
            date: text(control, 'date'),
            slot: text(control, 'slot'),
            remote: checked(control, 'remote'),
            place: text(control, 'place'),
            note: text(control, 'note'),
          }),
          validate: validatorFor(interventionPlanSchema),
          send: (values) => planHalfDay(view.id, values as never, crypto.randomUUID()),
          done: (mission) => {
            const added = mission.interventions.find(
              (i) => !view.interventions.some((old) => old.id === i.id),
            );
            return added ? `Demi-journée prévue le ${slotLabel(added)}.` : 'Demi-journée prévue.';
          },
        }),
      ]),
  ]);
};

// ——— Closing and outcomes ———

const satisfactionLabel = (score: number) => `${score}\u00a0sur\u00a05`;

const outcomesFacts = (mission: MissionView) => {
  const { sme, volunteer, followUps } = mission.outcomes;
  return facts([
    ['Emplois créés (déclarés par l’entreprise)', sme && String(sme.jobsCreated)],
    ['Emplois maintenus', sme && String(sme.jobsMaintained)],
    ['Satisfaction de l’entreprise', sme && satisfactionLabel(sme.satisfaction)],
    ['Commentaire de l’entreprise', sme?.comment && h('p', { class: 'typed' }, [frenchSpacing(sme.comment)])],
    ['Satisfaction du salarié', volunteer && satisfactionLabel(volunteer.satisfaction)],
    [
      'Commentaire du salarié',
      volunteer?.comment && h('p', { class: 'typed' }, [frenchSpacing(volunteer.comment)]),
    ],
    ...followUps.map((f): [string, string] => [
      `À ${f.month}\u00a0mois`,
      `${f.jobsCreated} créé${f.jobsCreated > 1 ? 's' : ''}, ${f.jobsMaintained} maintenu${f.jobsMaintained > 1 ? 's' : ''}`,
    ]),
  ]);
};

const closingSection = (mission: MissionView) => {
  const children: (Node | false)[] = [];
  if (mission.status === 'closing') {
    children.push(
      h('p', {}, [
        'Le bilan a été demandé par courriel à l’entreprise et au salarié\u00a0: la mission se clôt dès que l’entreprise répond.',
      ]),
    );
  }
  if (mission.outcomes.sme || mission.outcomes.volunteer) children.push(outcomesFacts(mission));
  if (mission.editable && (mission.status === 'active' || mission.status === 'closing')) {
    const ask = h('button', { type: 'button', id: 'demander-bilan' }, ['Demander le bilan par courriel']);
    const askFailure = failureBox();
    ask.addEventListener(
      'click',
      () =>
        void busy(ask, async () => {
          askFailure.replaceChildren();
          try {
            draw(await closeMission(view.id, { mode: 'ask', version: view.version }));
            say('Le bilan est demandé à l’entreprise et au salarié par courriel.');
          } catch (error) {
            askFailure.replaceChildren(h('p', {}, [messageOf(error)]));
            askFailure.focus();
          }
        }),
    );
    if (mission.status === 'active') children.push(h('div', {}, [askFailure, h('p', {}, [ask])]));
    children.push(
      h('details', { class: 'move', id: 'cloturer' }, [
        h('summary', {}, ['Clôturer avec le bilan connu de l’équipe']),
        actionForm({
          fields: [
            numberField(
              'emplois-crees',
              'jobsCreated',
              'Emplois créés, déclarés par l’entreprise',
              undefined,
            ),
            numberField(
              'emplois-maintenus',
              'jobsMaintained',
              'Emplois maintenus, déclarés par l’entreprise',
              undefined,
              'Ils comptent autant que les emplois créés.',
            ),
            numberField(
              'satisfaction-pme',
              'satisfaction',
              'Satisfaction de l’entreprise, de 1 à 5',
              undefined,
            ),
            textareaField({
              id: 'commentaire-pme',
              name: 'comment',
              label: 'Commentaire de l’entreprise',
              requirement: 'optional',
              rows: 3,
              maxlength: 2000,
            }),
            numberField(
              'satisfaction-salarie',
              'volunteerSatisfaction',
              'Satisfaction du salarié, de 1 à 5',
              undefined,
              undefined,
              'optional',
            ),
          ],
          button: 'Clôturer la mission',
          values: (control) => {
            const volunteerScore = text(control, 'volunteerSatisfaction');
            return {
              mode: 'outcomes',
              version: view.version,
              sme: {
                jobsCreated: text(control, 'jobsCreated'),
                jobsMaintained: text(control, 'jobsMaintained'),
                satisfaction: text(control, 'satisfaction'),
                comment: text(control, 'comment'),
              },
              ...(volunteerScore ? { volunteer: { satisfaction: volunteerScore } } : {}),
            };
          },
          validate: validatorFor(closingSchema),
          send: (values) => closeMission(view.id, values as ClosingRequest),
          done: () => 'La mission est close avec son bilan.',
        }),
      ]),
    );
  }
  if (children.length === 0) return false;
  return section('bilan', 'Clôture et bilan', children);
};

const historySection = ({ history }: MissionView) =>
  section('historique', 'Historique', [
    h(
      'ol',
      { class: 'timeline' },
      history.map((line) =>
        h('li', {}, [
          h('p', {}, [h('strong', {}, [missionChangeLabels[line.change]])]),
          h('p', { class: 'meta' }, [`Le ${parisDateTime(line.at)}, par ${line.actor.name}`]),
        ]),
      ),
    ),
  ]);

function draw(mission: MissionView) {
  view = mission;
  title.textContent = `Mission ${mission.competence.label ? `«\u00a0${frenchSpacing(mission.competence.label)}\u00a0»` : ''} chez ${mission.companyName}`;
  document.title = `${mission.companyName}, ${mission.id} – ${pageTitle}`;
  root.replaceChildren(
    ...[
      summarySection(mission),
      checklistSection(mission),
      halfDaysSection(mission),
      closingSection(mission),
      volunteerSection(mission),
      historySection(mission),
    ].filter((node): node is HTMLElement => node instanceof HTMLElement),
  );
  root.hidden = false;
}

if (/^ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,}-M\d+$/.test(id)) {
  void loadPage(() => getMission(id), draw);
} else {
  root.replaceChildren(h('p', {}, ['Aucune mission n’est indiquée dans l’adresse de cette page.']));
  root.hidden = false;
}
