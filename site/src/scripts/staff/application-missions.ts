import { frenchDay } from '../../../../shared/dates.ts';
import { frenchSpacing } from '../../../../shared/french-spacing.ts';
import {
  type ApplicationMissions,
  type MissionChoices,
  missionStatusLabels,
  type NewMission,
  newMissionSchema,
} from '../../../../shared/missions.ts';
import { h } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { validatorFor } from '../../lib/forms/validator.ts';
import { createMission, listMissions, StaffApiError } from '../../lib/staff/api.ts';
import { failureBox, inputField, selectField } from '../../lib/staff/markup.ts';
import { busy, messageOf } from '../../lib/staff/page-load.ts';
import { missionHref } from '../../lib/staff/pages.ts';

/**
 * The « Missions » section of an application's page: its missions with their progress, and, for an
 * approved (or in-progress) application of the staff member's network, « Créer une mission »: a
 * competence of the catalogue, a partner offering it, one of its volunteers who has it, the
 * half-days, the dates and the agreement checklist.
 */
const validate = validatorFor(newMissionSchema);

const missionItem = (mission: ApplicationMissions['missions'][number]) =>
  h('li', {}, [
    h('p', {}, [
      h('a', { href: missionHref(mission.id) }, [
        `${frenchSpacing(mission.competence.label)} · ${mission.volunteer.firstName} ${mission.volunteer.lastName} (${mission.partner.name})`,
      ]),
      ' ',
      h('span', { class: 'badge' }, [missionStatusLabels[mission.status]]),
    ]),
    h('p', { class: 'meta' }, [
      `Du ${frenchDay(mission.startDate)} au ${frenchDay(mission.endDate)} · ${mission.totals.delivered} demi-journée${mission.totals.delivered > 1 ? 's' : ''} réalisée${mission.totals.delivered > 1 ? 's' : ''} sur ${mission.plannedHalfDays}`,
    ]),
  ]);

const today = () => new Date().toISOString().slice(0, 10);

const creationForm = (
  reference: string,
  choices: MissionChoices,
  requested: readonly string[],
  refresh: (announce: string) => void,
) => {
  const failure = failureBox();
  const competences = [...choices.competences].sort(
    (a, b) => Number(requested.includes(b.id)) - Number(requested.includes(a.id)),
  );
  const competenceField = selectField({
    id: 'mission-competence',
    name: 'competenceId',
    label: 'Compétence',
    hint: 'Celles que demande l’entreprise viennent en premier.',
    choices: [
      ['', 'Choisissez une compétence'],
      ...competences.map((c): [string, string] => [
        c.id,
        `${frenchSpacing(c.label)}${requested.includes(c.id) ? ' (demandée)' : ''}`,
      ]),
    ],
  });
  const partnerField = selectField({
    id: 'mission-partenaire',
    name: 'partnerId',
    label: 'Entreprise partenaire',
    choices: [['', 'Choisissez d’abord la compétence']],
  });
  const volunteerField = selectField({
    id: 'mission-salarie',
    name: 'volunteerId',
    label: 'Salarié',
    choices: [['', 'Choisissez d’abord l’entreprise']],
  });
  const date = (
    fieldId: string,
    name: string,
    label: string,
    requirement: 'required' | 'optional',
    hint?: string,
  ) => inputField({ id: fieldId, name, label, type: 'date', requirement, ...(hint ? { hint } : {}) });
  const button = h('button', { type: 'submit' }, ['Créer la mission']);
  const form = h('form', { novalidate: '', class: 'form', id: 'nouvelle-mission' }, [
    failure,
    competenceField,
    partnerField,
    volunteerField,
    inputField({
      id: 'mission-demi-journees',
      name: 'plannedHalfDays',
      label: 'Demi-journées prévues',
      hint: 'Une mission compte en moyenne six demi-journées (trois jours).',
      attributes: { inputmode: 'numeric', size: '5', autocomplete: 'off' },
    }),
    date('mission-debut', 'startDate', 'Date de début', 'required'),
    date('mission-fin', 'endDate', 'Date de fin', 'required', 'Au plus 18\u00a0mois après le début.'),
    h('fieldset', {}, [
      h('legend', {}, ['Convention de mise à disposition (Code du travail, article L8241-2)']),
      h('p', { class: 'hint' }, [
        'La mission ne démarre qu’avec ces deux dates\u00a0; vous pourrez les indiquer plus tard.',
      ]),
      date(
        'mission-convention',
        'agreementSignedOn',
        'Convention signée entre les deux entreprises le',
        'optional',
      ),
      date('mission-accord', 'consentSignedOn', 'Accord écrit du salarié donné le', 'optional'),
    ]),
    h('p', {}, [button]),
  ]);
  const control = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const select = (name: string) => control(name) as HTMLSelectElement;
  const fill = (target: HTMLSelectElement, empty: string, options: [string, string][]) =>
    target.replaceChildren(
      ...[['', empty] as [string, string], ...options].map(([value, label]) =>
        h('option', { value }, [label]),
      ),
    );
  select('competenceId').addEventListener('change', () => {
    const competence = choices.competences.find((c) => c.id === select('competenceId').value);
    fill(
      select('partnerId'),
      competence ? 'Choisissez l’entreprise' : 'Choisissez d’abord la compétence',
      choices.partners
        .filter((p) => competence?.partnerIds.includes(p.id))
        .map((p): [string, string] => [p.id, p.name]),
    );
    fill(select('volunteerId'), 'Choisissez d’abord l’entreprise', []);
  });
  select('partnerId').addEventListener('change', () => {
    const competenceId = select('competenceId').value;
    const volunteers = choices.volunteers.filter(
      (v) => v.partnerId === select('partnerId').value && v.competences.includes(competenceId),
    );
    fill(
      select('volunteerId'),
      volunteers.length ? 'Choisissez le salarié' : 'Aucun salarié de cette entreprise n’a cette compétence',
      volunteers.map((v): [string, string] => [v.id, `${v.name}, ${v.role}`]),
    );
  });
  (control('startDate') as HTMLInputElement).value = today();
  let idempotencyKey = crypto.randomUUID();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      const names = [
        'competenceId',
        'partnerId',
        'volunteerId',
        'plannedHalfDays',
        'startDate',
        'endDate',
        'agreementSignedOn',
        'consentSignedOn',
      ];
      clearErrors(names.map(control), failure);
      const value = (name: string) => control(name)?.value.trim() || undefined;
      const request = {
        competenceId: value('competenceId'),
        partnerId: value('partnerId'),
        volunteerId: value('volunteerId'),
        plannedHalfDays: value('plannedHalfDays'),
        startDate: value('startDate'),
        endDate: value('endDate'),
        checklist: {
          agreementSignedOn: value('agreementSignedOn'),
          consentSignedOn: value('consentSignedOn'),
        },
      };
      const controlOf = (field: string) => control(field.split('.').at(-1) ?? field);
      const errors = validate(request);
      if (errors.length > 0) {
        showErrors(errors, controlOf, failure).focus();
        return;
      }
      try {
        const mission = await createMission(reference, request as unknown as NewMission, idempotencyKey);
        idempotencyKey = crypto.randomUUID();
        refresh(`Mission ${mission.id} créée.`);
      } catch (error) {
        showErrors(
          error instanceof StaffApiError ? error.errors : [],
          controlOf,
          failure,
          messageOf(error),
        ).focus();
      }
    });
  });
  return h('details', { class: 'move', id: 'creer-mission' }, [
    h('summary', {}, ['Créer une mission']),
    form,
  ]);
};

/** The section, which reads its missions on its own and draws itself again after a creation. */
export const missionsPanel = (
  reference: string,
  requested: () => readonly string[],
  announce: (text: string) => void,
) => {
  const body = h('div', {}, [h('p', { class: 'status' }, ['Chargement des missions…'])]);
  const panel = h('section', { id: 'missions', 'aria-labelledby': 'missions-titre' }, [
    h('h2', { id: 'missions-titre' }, ['Missions']),
    body,
  ]);
  const load = async (done?: string) => {
    try {
      const answer = await listMissions(reference);
      body.replaceChildren(
        answer.missions.length === 0
          ? h('p', {}, ['Aucune mission pour le moment.'])
          : h('ul', { class: 'notes', id: 'liste-missions' }, answer.missions.map(missionItem)),
        answer.choices
          ? answer.choices.competences.length === 0
            ? h('p', { class: 'note' }, [
                'Aucune compétence du catalogue n’est offerte par une entreprise partenaire active\u00a0: ajoutez-en avant de créer une mission.',
              ])
            : creationForm(reference, answer.choices, requested(), (text) => void load(text))
          : '',
      );
      if (done) announce(done);
    } catch (error) {
      body.replaceChildren(
        h('p', { class: 'error' }, [`Les missions n’ont pas pu être chargées\u00a0: ${messageOf(error)}`]),
      );
    }
  };
  void load();
  return { panel, reload: () => load() };
};
