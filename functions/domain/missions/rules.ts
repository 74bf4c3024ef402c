import { frenchDay, parisIsoDate } from '../../../shared/dates.ts';
import {
  type ClosingRequest,
  type FollowUpOutcome,
  type HalfDayAnswer,
  type Intervention,
  type InterventionChange,
  type InterventionPlan,
  type MissionEdit,
  type MissionHistoryLine,
  missionMaxMonths,
  missionStatusLabels,
  type NewMission,
  type SmeOutcome,
  type VolunteerOutcome,
} from '../../../shared/missions.ts';
import { StaleVersionError } from '../applications/lifecycle.ts';
import { DomainError } from '../errors.ts';
import { checklistComplete, type Mission, missionTotals } from './mission.ts';

/**
 * The rules of a mission, pure: each takes the mission as read, the request, who acts and when
 * (the clock is passed in), and answers the mission to write (version + 1, its audit line appended)
 * or refuses in French. The repository writes the answer in one conditional write on the version read.
 */
export class MissionRefusedError extends DomainError {
  readonly code = 'mission_refused';
}

/** Someone changed the mission since it was read: answered 409 with the mission as it now is. */
export class StaleMissionError extends StaleVersionError {
  constructor(current: unknown) {
    super(current);
    this.message =
      'Quelqu’un a modifié cette mission pendant que vous la consultiez. Voici son état actuel\u00a0: relisez-la avant d’agir à nouveau.';
  }
}

/** A mission's outcome form was already answered: the first answer is kept. */
export class AlreadyAnsweredError extends DomainError {
  readonly code = 'already_answered';
}

type Actor = MissionHistoryLine['actor'];

const refuse = (message: string): never => {
  throw new MissionRefusedError(message);
};

/** `2026-08-31` + 18 months → `2028-02-29`: the same day, or the month's last when it has none. */
export const addMonthsToDay = (day: string, months: number): string => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const total = month - 1 + months;
  const targetYear = year + Math.floor(total / 12);
  const targetMonth = (((total % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`;
};

/** An instant + months, the time of day kept: when a follow-up falls due. */
export const addMonthsToInstant = (at: string, months: number): string => {
  const day = at.slice(0, 10);
  return `${addMonthsToDay(day, months)}${at.slice(10)}`;
};

export const checkPeriod = (startDate: string, endDate: string) => {
  if (endDate < startDate) refuse('La date de fin ne peut pas précéder la date de début.');
  const latest = addMonthsToDay(startDate, missionMaxMonths);
  if (endDate > latest) {
    refuse(
      `Une mission dure au plus ${missionMaxMonths}\u00a0mois\u00a0: commencée le ${frenchDay(startDate)}, elle se termine au plus tard le ${frenchDay(latest)}.`,
    );
  }
};

const checkSignatures = (checklist: Mission['checklist'], today: string) => {
  if (checklist.agreementSignedOn && checklist.agreementSignedOn > today) {
    refuse('La convention ne peut pas avoir été signée à une date future.');
  }
  if (checklist.consentSignedOn && checklist.consentSignedOn > today) {
    refuse('L’accord écrit du salarié ne peut pas dater d’un jour à venir.');
  }
};

const changed = (
  mission: Mission,
  next: Partial<Mission>,
  line: Omit<MissionHistoryLine, 'at' | 'actor'>,
  actor: Actor,
  now: Date,
): Mission => ({
  ...mission,
  ...next,
  version: mission.version + 1,
  updatedAt: now.toISOString(),
  history: [...mission.history, { at: now.toISOString(), actor, ...line }],
});

const quotedStatus = (mission: Mission) =>
  `«\u00a0${missionStatusLabels[mission.status].toLowerCase()}\u00a0»`;

const requireStatus = (mission: Mission, allowed: readonly Mission['status'][], doing: string) => {
  if (!allowed.includes(mission.status)) {
    refuse(`Une mission ${quotedStatus(mission)} ne permet pas de ${doing}.`);
  }
};

export const createMission = (
  identity: Pick<Mission, 'id' | 'reference' | 'network' | 'number'>,
  input: NewMission,
  actor: Actor,
  now: Date,
): Mission => {
  checkPeriod(input.startDate, input.endDate);
  checkSignatures(input.checklist ?? {}, parisIsoDate(now));
  const at = now.toISOString();
  return {
    ...identity,
    status: 'preparing',
    version: 1,
    createdAt: at,
    updatedAt: at,
    competenceId: input.competenceId,
    partnerId: input.partnerId,
    volunteerId: input.volunteerId,
    plannedHalfDays: input.plannedHalfDays,
    startDate: input.startDate,
    endDate: input.endDate,
    checklist: input.checklist ?? {},
    interventions: [],
    outcomes: { followUps: [] },
    history: [{ at, actor, change: 'created', to: 'preparing' }],
  };
};

const live = (mission: Mission, except?: string) =>
  mission.interventions.filter((i) => i.status !== 'cancelled' && i.id !== except);

const slotText = (date: string, slot: Intervention['slot']) =>
  `le ${frenchDay(date)} ${slot === 'morning' ? 'au matin' : 'l’après-midi'}`;

/** A half-day fits the mission: within its dates, and not a second one on the same date and slot. */
const checkSlot = (mission: Mission, date: string, slot: Intervention['slot'], except?: string) => {
  if (date < mission.startDate || date > mission.endDate) {
    refuse(
      `Une demi-journée se place entre le début et la fin de la mission, du ${frenchDay(mission.startDate)} au ${frenchDay(mission.endDate)}.`,
    );
  }
  if (live(mission, except).some((other) => other.date === date && other.slot === slot)) {
    refuse(`Une demi-journée est déjà prévue ${slotText(date, slot)}.`);
  }
};

export const editMission = (mission: Mission, edit: MissionEdit, actor: Actor, now: Date): Mission => {
  requireStatus(mission, ['preparing', 'active'], 'la modifier');
  const startDate = edit.startDate ?? mission.startDate;
  const endDate = edit.endDate ?? mission.endDate;
  const plannedHalfDays = edit.plannedHalfDays ?? mission.plannedHalfDays;
  const checklist = edit.checklist ?? mission.checklist;
  checkPeriod(startDate, endDate);
  checkSignatures(checklist, parisIsoDate(now));
  if (mission.status === 'active' && !checklistComplete(checklist)) {
    refuse('Une mission en cours garde sa convention et l’accord du salarié, avec leurs dates.');
  }
  const counted = missionTotals(mission).planned;
  if (plannedHalfDays < counted) {
    refuse(
      `${counted}\u00a0demi-journées sont déjà prévues ou réalisées\u00a0: la mission ne peut pas en compter moins.`,
    );
  }
  const outside = live(mission).find((i) => i.date < startDate || i.date > endDate);
  if (outside) {
    refuse(
      `La demi-journée du ${frenchDay(outside.date)} sortirait de la mission\u00a0: déplacez-la ou annulez-la d’abord.`,
    );
  }
  return changed(
    mission,
    { startDate, endDate, plannedHalfDays, checklist },
    { change: 'edited' },
    actor,
    now,
  );
};

export const startMission = (mission: Mission, actor: Actor, now: Date): Mission => {
  requireStatus(mission, ['preparing'], 'la démarrer');
  if (!mission.checklist.agreementSignedOn) {
    refuse(
      'La mission ne peut pas démarrer avant la signature de la convention de mise à disposition entre les deux entreprises (Code du travail, article L8241-2)\u00a0: indiquez sa date.',
    );
  }
  if (!mission.checklist.consentSignedOn) {
    refuse(
      'La mission ne peut pas démarrer sans l’accord écrit du salarié (Code du travail, article L8241-2)\u00a0: indiquez sa date.',
    );
  }
  return changed(
    mission,
    { status: 'active', startedAt: now.toISOString() },
    { change: 'started', from: 'preparing', to: 'active' },
    actor,
    now,
  );
};

export const planIntervention = (
  mission: Mission,
  id: string,
  plan: InterventionPlan,
  actor: Actor,
  now: Date,
): Mission => {
  requireStatus(mission, ['preparing', 'active'], 'y prévoir une demi-journée');
  const { planned } = missionTotals(mission);
  if (planned + 1 > mission.plannedHalfDays) {
    refuse(
      `Les ${mission.plannedHalfDays}\u00a0demi-journées de la mission sont déjà prévues ou réalisées\u00a0: augmentez d’abord le nombre prévu.`,
    );
  }
  checkSlot(mission, plan.date, plan.slot);
  const at = now.toISOString();
  const intervention: Intervention = {
    id,
    date: plan.date,
    slot: plan.slot,
    remote: plan.remote ?? false,
    ...(plan.place ? { place: plan.place } : {}),
    status: 'planned',
    ...(plan.note ? { note: plan.note } : {}),
    sequence: 0,
    history: [
      {
        at,
        actor,
        change: 'planned',
        to: { date: plan.date, slot: plan.slot },
        ...(plan.note ? { note: plan.note } : {}),
      },
    ],
  };
  return changed(
    mission,
    { interventions: [...mission.interventions, intervention] },
    { change: 'planned', interventionId: id },
    actor,
    now,
  );
};

/** The line a half-day's change writes in the mission's history, per action asked. */
export const interventionChangeOf = {
  reschedule: 'rescheduled',
  cancel: 'cancelled',
  done: 'done',
} as const satisfies Record<InterventionChange['action'], MissionHistoryLine['change']>;

export const changeIntervention = (
  mission: Mission,
  interventionId: string,
  change: InterventionChange,
  actor: Actor,
  now: Date,
): Mission => {
  const intervention = mission.interventions.find((i) => i.id === interventionId);
  if (!intervention) refuse('Cette demi-journée n’existe pas dans la mission.');
  const current = intervention as Intervention;
  if (current.status !== 'planned') {
    refuse(
      current.status === 'done'
        ? 'Cette demi-journée est déjà réalisée\u00a0: elle ne change plus.'
        : 'Cette demi-journée est annulée\u00a0: prévoyez-en une nouvelle.',
    );
  }
  const at = now.toISOString();
  const note = change.note ? { note: change.note } : {};
  let next: Intervention;
  switch (change.action) {
    case 'reschedule': {
      requireStatus(mission, ['preparing', 'active'], 'déplacer une demi-journée');
      const date = change.date ?? current.date;
      const slot = change.slot ?? current.slot;
      checkSlot(mission, date, slot, current.id);
      next = {
        ...current,
        date,
        slot,
        ...(change.remote === undefined ? {} : { remote: change.remote }),
        ...(change.place ? { place: change.place } : {}),
        ...note,
        sequence: current.sequence + 1,
        history: [
          ...current.history,
          {
            at,
            actor,
            change: 'rescheduled',
            from: { date: current.date, slot: current.slot },
            to: { date, slot },
            ...note,
          },
        ],
      };
      break;
    }
    case 'cancel':
      requireStatus(mission, ['preparing', 'active'], 'annuler une demi-journée');
      next = {
        ...current,
        status: 'cancelled',
        sequence: current.sequence + 1,
        history: [...current.history, { at, actor, change: 'cancelled', ...note }],
      };
      break;
    case 'done':
      requireStatus(mission, ['active'], 'noter une demi-journée réalisée (démarrez-la d’abord)');
      if (current.date > parisIsoDate(now)) {
        refuse(`La demi-journée du ${frenchDay(current.date)} n’a pas encore eu lieu.`);
      }
      next = {
        ...current,
        status: 'done',
        ...note,
        history: [...current.history, { at, actor, change: 'done', ...note }],
      };
      break;
  }
  return changed(
    mission,
    { interventions: mission.interventions.map((i) => (i.id === current.id ? next : i)) },
    {
      change: interventionChangeOf[change.action],
      interventionId,
    },
    actor,
    now,
  );
};

/** Who logged a half-day from the link of the mail sent after it. */
export const halfDayLinkActor = (role: 'sme' | 'volunteer'): Actor =>
  role === 'sme'
    ? { id: 'half-day-link:sme', name: 'Lien du courriel après la demi-journée (entreprise)' }
    : { id: 'half-day-link:volunteer', name: 'Lien du courriel après la demi-journée (salarié)' };

/**
 * « Has the half-day taken place? », answered from its link: done, or cancelled with a note that
 * says it did not take place. Once logged (by the other party's link, or by staff) a half-day stays
 * as it is: the same answer again changes nothing (`undefined`), another one is refused, for staff to
 * settle with the two people.
 */
export const answerHalfDay = (
  mission: Mission,
  interventionId: string,
  answer: { role: 'sme' | 'volunteer'; answer: HalfDayAnswer; note?: string },
  now: Date,
): Mission | undefined => {
  const intervention = mission.interventions.find((i) => i.id === interventionId);
  if (!intervention) refuse('Cette demi-journée n’est plus dans la mission.');
  const { status } = intervention as Intervention;
  const wanted = answer.answer === 'held' ? 'done' : 'cancelled';
  if (status === wanted) return undefined;
  if (status !== 'planned') {
    refuse(
      status === 'done'
        ? 'Cette demi-journée est déjà notée comme réalisée. Si ce n’est pas juste, répondez au courriel : l’équipe corrigera.'
        : 'Cette demi-journée est déjà notée comme n’ayant pas eu lieu. Si ce n’est pas juste, répondez au courriel : l’équipe corrigera.',
    );
  }
  const note =
    answer.answer === 'held'
      ? answer.note
      : ['N’a pas eu lieu.', answer.note].filter((part) => part !== undefined).join(' ');
  return changeIntervention(
    mission,
    interventionId,
    {
      action: answer.answer === 'held' ? 'done' : 'cancel',
      version: mission.version,
      ...(note ? { note } : {}),
    },
    halfDayLinkActor(answer.role),
    now,
  );
};

/** Closed now: the first follow-up falls due 12 months later. */
const closedFields = (now: Date): Partial<Mission> => ({
  status: 'closed',
  closedAt: now.toISOString(),
  nextFollowUp: { month: 12, dueAt: addMonthsToInstant(now.toISOString(), 12) },
});

export const closeMission = (mission: Mission, request: ClosingRequest, actor: Actor, now: Date): Mission => {
  requireStatus(mission, request.mode === 'ask' ? ['active'] : ['active', 'closing'], 'la clôturer');
  const waiting = mission.interventions.filter((i) => i.status === 'planned');
  if (waiting.length > 0) {
    refuse(
      `${waiting.length === 1 ? 'Une demi-journée est encore prévue' : `${waiting.length}\u00a0demi-journées sont encore prévues`}\u00a0: notez-les réalisées ou annulez-les avant de clôturer.`,
    );
  }
  if (request.mode === 'ask') {
    return changed(
      mission,
      { status: 'closing' },
      { change: 'closing', from: mission.status, to: 'closing' },
      actor,
      now,
    );
  }
  if (!request.sme) return refuse('Saisissez le bilan de l’entreprise, ou demandez-le par courriel.');
  const at = now.toISOString();
  return changed(
    mission,
    {
      ...closedFields(now),
      outcomes: {
        ...mission.outcomes,
        sme: { ...request.sme, at, by: 'staff' },
        ...(request.volunteer ? { volunteer: { ...request.volunteer, at, by: 'staff' } } : {}),
      },
    },
    { change: 'closed', from: mission.status, to: 'closed' },
    actor,
    now,
  );
};

const answered = () =>
  new AlreadyAnsweredError(
    'Merci, votre réponse est déjà enregistrée\u00a0: c’est la première qui compte. Pour la corriger, répondez au courriel de l’équipe.',
  );

/** Who answers an outcome form: no staff account, the form's signed link. */
export const formActor = (role: 'sme' | 'volunteer'): Actor =>
  role === 'sme'
    ? { id: 'outcome-form:sme', name: 'Formulaire de bilan (entreprise)' }
    : { id: 'outcome-form:volunteer', name: 'Formulaire de bilan (salarié)' };

/** The SME's answer closes a mission waiting for it; the volunteer's is kept beside it. */
export const recordOutcome = (
  mission: Mission,
  answer: { role: 'sme'; outcome: SmeOutcome } | { role: 'volunteer'; outcome: VolunteerOutcome },
  now: Date,
): Mission => {
  if (mission.status !== 'closing' && mission.status !== 'closed') {
    refuse('Le bilan de cette mission n’est pas encore demandé.');
  }
  if (mission.outcomes[answer.role]) throw answered();
  const at = now.toISOString();
  const actor = formActor(answer.role);
  const outcomes =
    answer.role === 'sme'
      ? { ...mission.outcomes, sme: { ...answer.outcome, at, by: 'sme' as const } }
      : { ...mission.outcomes, volunteer: { ...answer.outcome, at, by: 'volunteer' as const } };
  if (answer.role === 'sme' && mission.status === 'closing') {
    return changed(
      mission,
      { ...closedFields(now), outcomes },
      { change: 'closed', from: 'closing', to: 'closed' },
      actor,
      now,
    );
  }
  return changed(mission, { outcomes }, { change: 'outcome' }, actor, now);
};

/** The follow-up mail of `month` went out: the next one falls due, or none after 24 months. */
export const followUpSent = (mission: Mission, month: 12 | 24, now: Date): Mission => {
  const closedAt = mission.closedAt ?? now.toISOString();
  const { nextFollowUp: _sent, ...rest } = mission;
  return changed(
    month === 12 ? { ...rest, nextFollowUp: { month: 24, dueAt: addMonthsToInstant(closedAt, 24) } } : rest,
    {},
    { change: 'follow-up-sent', note: `${month}\u00a0mois` },
    { id: 'outcome-follow-ups', name: 'Relance du bilan' },
    now,
  );
};

export const recordFollowUp = (
  mission: Mission,
  month: 12 | 24,
  outcome: FollowUpOutcome,
  now: Date,
): Mission => {
  if (mission.status !== 'closed') refuse('Cette mission n’est pas close.');
  if (mission.outcomes.followUps.some((f) => f.month === month)) throw answered();
  return changed(
    mission,
    {
      outcomes: {
        ...mission.outcomes,
        followUps: [...mission.outcomes.followUps, { ...outcome, month, at: now.toISOString() }],
      },
    },
    { change: 'follow-up', note: `${month}\u00a0mois` },
    formActor('sme'),
    now,
  );
};
