import * as z from 'zod/mini';
import { integer, optionalInteger, optionalText, requiredText } from './form-fields.ts';
import { type HalfDaySlot, halfDaySlots } from './half-days.ts';

/**
 * A mission: a volunteer of a partner company lends a competence to an approved SME, in half-days,
 * between a start and an end date at most 18 months apart. What staff send and what the API answers,
 * read by the back office's pages and by the functions (the rules themselves are in
 * functions/domain/missions/).
 *
 * Personal data a mission holds, for the exports and the anonymisation (issue 8, part 7): the free
 * text in `missionFreeTextFields`; the people it names are referred to by id (volunteer, partner) or
 * through the application (the SME's contact).
 */
export const missionStatuses = ['preparing', 'active', 'closing', 'closed'] as const;
export type MissionStatus = (typeof missionStatuses)[number];
export const missionStatusLabels: Record<MissionStatus, string> = {
  preparing: 'En préparation',
  active: 'En cours',
  closing: 'Bilan demandé',
  closed: 'Close',
};

export {
  type HalfDaySlot,
  halfDayHours,
  halfDayLine,
  halfDaySlotLabels,
  halfDaySlots,
  type PlannedHalfDay,
} from './half-days.ts';

export const interventionStatuses = ['planned', 'done', 'cancelled'] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];
export const interventionStatusLabels: Record<InterventionStatus, string> = {
  planned: 'Prévue',
  done: 'Réalisée',
  cancelled: 'Annulée',
};

/** The free text a mission keeps (paths in the stored item): what an export or an erasure must look at. */
export const missionFreeTextFields = [
  'interventions[].note',
  'interventions[].place',
  'interventions[].history[].note',
  'history[].note',
  'outcomes.sme.comment',
  'outcomes.volunteer.comment',
] as const;

/** The longest a mission may last: its end at most this many months after its start. */
export const missionMaxMonths = 18;

const dayPattern = /^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const calendarDay = (label: string) =>
  z.string({ error: `${label} est obligatoire.` }).check(
    // `abort`: zod runs every check, and the refine below cannot read a date that is not one (RangeError, a 500).
    z.regex(dayPattern, { error: `${label} s’écrit comme 2027-03-15.`, abort: true }),
    z.refine(
      (value) => new Date(`${value}T12:00:00Z`).toISOString().startsWith(value),
      `${label} n’existe pas dans le calendrier.`,
    ),
  );

const version = z.int({ error: 'La version de la mission manque.' }).check(z.minimum(1));

/** Ids of the directory (shared/partners.ts's pattern), without its schemas: this module is bundled by every mission function. */
const directoryId = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .check(z.regex(/^[a-z0-9-]{3,80}$/, `${label} est inconnu.`));

export const checklistSchema = z.object({
  agreementSignedOn: z.optional(calendarDay('La date de signature de la convention')),
  consentSignedOn: z.optional(calendarDay('La date de l’accord écrit du salarié')),
});
export type Checklist = z.output<typeof checklistSchema>;

const halfDays = integer(1, 400, {
  label: 'Le nombre de demi-journées prévues',
  tooLow: 'Prévoyez au moins une demi-journée.',
  tooHigh: 'Une mission compte au plus 400\u00a0demi-journées.',
});

/** `POST /api/staff/applications/{reference}/missions`. */
export const newMissionSchema = z.object({
  competenceId: directoryId('La compétence'),
  partnerId: directoryId('L’entreprise partenaire'),
  volunteerId: directoryId('Le salarié'),
  plannedHalfDays: halfDays,
  startDate: calendarDay('La date de début'),
  endDate: calendarDay('La date de fin'),
  checklist: z.optional(checklistSchema),
});
export type NewMission = z.output<typeof newMissionSchema>;

/** `PATCH /api/staff/missions/{id}`: what is sent changes, the rest stays. */
export const missionEditSchema = z.object({
  version,
  plannedHalfDays: z.optional(halfDays),
  startDate: z.optional(calendarDay('La date de début')),
  endDate: z.optional(calendarDay('La date de fin')),
  checklist: z.optional(checklistSchema),
});
export type MissionEdit = z.output<typeof missionEditSchema>;

const note = optionalText(1000, 'La note', 'paragraphs');
const place = optionalText(200, 'Le lieu');

/** `POST /api/staff/missions/{id}/interventions`: a half-day planned. */
export const interventionPlanSchema = z.object({
  version,
  date: calendarDay('La date de la demi-journée'),
  slot: z.enum(halfDaySlots, 'Choisissez le matin ou l’après-midi.'),
  remote: z.optional(z.boolean({ error: 'Indiquez si la demi-journée a lieu à distance.' })),
  place,
  note,
});
export type InterventionPlan = z.output<typeof interventionPlanSchema>;

/**
 * `POST /api/staff/missions/{id}/interventions/{interventionId}`: rescheduled (with its new date and
 * slot), cancelled or done, with a short note. One flat shape rather than a union: every mission
 * function bundles this module, and zod's unions weigh more than the check below.
 */
export const interventionActions = ['reschedule', 'cancel', 'done'] as const;
export const interventionChangeSchema = z
  .object({
    action: z.enum(
      interventionActions,
      'Choisissez ce qui arrive à la demi-journée\u00a0: déplacée, annulée ou réalisée.',
    ),
    version,
    date: z.optional(calendarDay('La nouvelle date')),
    slot: z.optional(z.enum(halfDaySlots, 'Choisissez le matin ou l’après-midi.')),
    remote: z.optional(z.boolean()),
    place,
    note,
  })
  .check(
    z.refine((change) => change.action !== 'reschedule' || change.date !== undefined, {
      message: 'Choisissez la nouvelle date.',
      path: ['date'],
    }),
    z.refine((change) => change.action !== 'reschedule' || change.slot !== undefined, {
      message: 'Choisissez le matin ou l’après-midi.',
      path: ['slot'],
    }),
  );
export type InterventionChange = z.output<typeof interventionChangeSchema>;

const satisfaction = integer(1, 5, {
  label: 'La satisfaction',
  tooLow: 'La satisfaction se note de 1 à 5.',
  tooHigh: 'La satisfaction se note de 1 à 5.',
});
const jobs = (label: string) => integer(0, 10_000, { label });
const comment = optionalText(2000, 'Le commentaire', 'paragraphs');

/** What the SME declares when the mission closes. */
export const smeOutcomeSchema = z.object({
  jobsCreated: jobs('Le nombre d’emplois créés'),
  jobsMaintained: jobs('Le nombre d’emplois maintenus'),
  satisfaction,
  comment,
});
export type SmeOutcome = z.output<typeof smeOutcomeSchema>;

export const volunteerOutcomeSchema = z.object({ satisfaction, comment });
export type VolunteerOutcome = z.output<typeof volunteerOutcomeSchema>;

/** What the SME declares 12 and 24 months after closing. */
export const followUpOutcomeSchema = z.object({
  jobsCreated: jobs('Le nombre d’emplois créés'),
  jobsMaintained: jobs('Le nombre d’emplois maintenus'),
});
export type FollowUpOutcome = z.output<typeof followUpOutcomeSchema>;

/**
 * `POST /api/staff/missions/{id}/closing`: staff close with the outcomes they were told (the SME's at
 * least), or ask both by mail (`ask`), which leaves the mission `closing` until the SME answers.
 */
export const closingSchema = z
  .object({
    mode: z.enum(['outcomes', 'ask'], 'Saisissez le bilan, ou demandez-le par courriel.'),
    version,
    sme: z.optional(smeOutcomeSchema),
    volunteer: z.optional(volunteerOutcomeSchema),
  })
  .check(
    z.refine((request) => request.mode !== 'outcomes' || request.sme !== undefined, {
      message: 'Saisissez le bilan de l’entreprise\u00a0: emplois créés, emplois maintenus et satisfaction.',
      path: ['sme'],
    }),
  );
export type ClosingRequest = z.output<typeof closingSchema>;

/** `POST /api/outcomes`: the answer to a signed form; which fields count depends on the token. */
export const outcomeAnswerSchema = z.object({
  token: requiredText(20, 2000, 'Le lien'),
  jobsCreated: optionalInteger(0, 10_000, 'Le nombre d’emplois créés'),
  jobsMaintained: optionalInteger(0, 10_000, 'Le nombre d’emplois maintenus'),
  satisfaction: optionalInteger(1, 5, 'La satisfaction'),
  comment,
});

/**
 * `POST /api/half-days`: the volunteer's or the SME's answer to « has the half-day taken place? »,
 * from the signed link of the mail sent after it.
 */
export const halfDayAnswers = ['held', 'not-held'] as const;
export type HalfDayAnswer = (typeof halfDayAnswers)[number];
export const halfDayAnswerSchema = z.object({
  token: requiredText(20, 2000, 'Le lien'),
  answer: z.enum(halfDayAnswers, 'Dites-nous si la demi-journée a eu lieu.'),
  note,
});

// ——— What the API answers ———

export interface InterventionHistoryLine {
  at: string;
  actor: { id: string; name: string };
  change: 'planned' | 'rescheduled' | 'cancelled' | 'done';
  from?: { date: string; slot: HalfDaySlot };
  to?: { date: string; slot: HalfDaySlot };
  note?: string;
}

export interface Intervention {
  id: string;
  date: string;
  slot: HalfDaySlot;
  remote: boolean;
  place?: string;
  status: InterventionStatus;
  note?: string;
  /** The calendar's SEQUENCE: one more at each change a calendar must pick up. */
  sequence: number;
  history: InterventionHistoryLine[];
}

export type MissionChange =
  | 'created'
  | 'edited'
  | 'started'
  | 'planned'
  | 'rescheduled'
  | 'cancelled'
  | 'done'
  | 'closing'
  | 'closed'
  | 'outcome'
  | 'follow-up-sent'
  | 'follow-up';

/** How the mission's history names each change, on its page and in a person's export. */
export const missionChangeLabels: Record<MissionChange, string> = {
  created: 'Mission créée',
  edited: 'Mission modifiée',
  started: 'Mission démarrée',
  planned: 'Demi-journée prévue',
  rescheduled: 'Demi-journée déplacée',
  cancelled: 'Demi-journée annulée',
  done: 'Demi-journée réalisée',
  closing: 'Bilan demandé',
  closed: 'Mission close',
  outcome: 'Bilan reçu',
  'follow-up-sent': 'Relance de suivi envoyée à l’entreprise',
  'follow-up': 'Suivi reçu de l’entreprise',
};

export interface MissionHistoryLine {
  at: string;
  actor: { id: string; name: string };
  change: MissionChange;
  from?: MissionStatus;
  to?: MissionStatus;
  interventionId?: string;
  note?: string;
}

export interface RecordedSmeOutcome extends SmeOutcome {
  at: string;
  by: 'sme' | 'staff';
}
export interface RecordedVolunteerOutcome extends VolunteerOutcome {
  at: string;
  by: 'volunteer' | 'staff';
}
export interface RecordedFollowUp extends FollowUpOutcome {
  month: 12 | 24;
  at: string;
}

export interface MissionView {
  id: string;
  reference: string;
  network: string;
  status: MissionStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  closedAt?: string;
  companyName: string;
  competence: { id: string; label: string };
  partner: { id: string; name: string };
  volunteer: { id: string; firstName: string; lastName: string; role: string; email: string; phone?: string };
  plannedHalfDays: number;
  startDate: string;
  endDate: string;
  checklist: Checklist;
  checklistComplete: boolean;
  interventions: Intervention[];
  totals: { planned: number; delivered: number; remaining: number };
  outcomes: { sme?: RecordedSmeOutcome; volunteer?: RecordedVolunteerOutcome; followUps: RecordedFollowUp[] };
  history: MissionHistoryLine[];
  editable: boolean;
}

/** What a new mission may be made of: the network's competences, who offers them, and their volunteers. */
export interface MissionChoices {
  competences: { id: string; label: string; partnerIds: string[] }[];
  partners: { id: string; name: string }[];
  volunteers: { id: string; partnerId: string; name: string; role: string; competences: string[] }[];
}

export interface ApplicationMissions {
  reference: string;
  status: string;
  missions: MissionView[];
  /** Present when this actor may create a mission now (an approved or in-progress application of their network). */
  choices?: MissionChoices;
}

/** What the public outcome form shows: no more than its holder already knows. */
export interface OutcomeFormView {
  kind: 'closing' | 'follow-up';
  role: 'sme' | 'volunteer';
  month?: 12 | 24;
  networkName: string;
  companyName: string;
  competence: string;
  startDate: string;
  endDate: string;
  answered: boolean;
}

/** `GET /api/half-days?t=`: the half-day a link asks about, as its holder knows it. */
export interface HalfDayQuestionView {
  role: 'sme' | 'volunteer';
  networkName: string;
  companyName: string;
  /** Whom the holder met: the volunteer for the SME, the SME's contact for the volunteer. */
  otherName: string;
  date: string;
  slot: HalfDaySlot;
  remote: boolean;
  place?: string;
  /** Already logged (by this link, the other party's, or staff): what it says now. */
  logged?: 'done' | 'cancelled';
}
