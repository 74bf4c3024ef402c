import * as z from 'zod/mini';
import { requiredText } from './form-fields.ts';

/**
 * An application's life, as staff and the SME read it. The allowed moves between these states are
 * one table in the domain (functions/domain/applications/lifecycle.ts).
 */
export const applicationStatuses = [
  'received',
  'qualified',
  'ineligible',
  'scheduled',
  'info-requested',
  'deferred',
  'approved',
  'rejected',
  'in-progress',
  'closed',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** What staff read in the inbox and on the application page. */
export const statusLabels: Record<ApplicationStatus, string> = {
  received: 'Reçue',
  qualified: 'Qualifiée',
  ineligible: 'Non éligible',
  scheduled: 'Inscrite en comité',
  'info-requested': 'Informations demandées',
  deferred: 'Ajournée',
  approved: 'Retenue',
  rejected: 'Non retenue',
  'in-progress': 'Accompagnement en cours',
  closed: 'Clôturée',
  withdrawn: 'Retirée',
};

/** Who the application waits on, so the inbox says at a glance « à vous » or « à l’entreprise ». */
export const waitingOn: Record<ApplicationStatus, 'staff' | 'sme' | 'committee' | 'missions' | null> = {
  received: 'staff',
  qualified: 'staff',
  ineligible: null,
  scheduled: 'committee',
  'info-requested': 'sme',
  deferred: 'staff',
  approved: 'missions',
  rejected: null,
  'in-progress': 'missions',
  closed: null,
  withdrawn: null,
};

/** Where an application came from: the operator also meets SMEs itself. */
export const applicationSources = [
  'public-form',
  'met-by-staff',
  'partner-referral',
  'other-programme',
] as const;
export type ApplicationSource = (typeof applicationSources)[number];
export const sourceLabels: Record<ApplicationSource, string> = {
  'public-form': 'Formulaire du site',
  'met-by-staff': 'Rencontrée par l’équipe',
  'partner-referral': 'Orientée par une entreprise partenaire',
  'other-programme': 'Orientée par un autre dispositif',
};

/** Where an ineligible SME can be sent, so that nobody leaves empty-handed. */
export const orientations = [
  'other-programme',
  'loan-network',
  'chamber-of-commerce',
  'chamber-of-trades',
  'public-bank',
  'other',
] as const;
export type Orientation = (typeof orientations)[number];
export const orientationLabels: Record<Orientation, string> = {
  'other-programme': 'Un autre dispositif d’accompagnement',
  'loan-network': 'Un réseau de prêt d’honneur',
  'chamber-of-commerce': 'La chambre de commerce et d’industrie',
  'chamber-of-trades': 'La chambre de métiers et de l’artisanat',
  'public-bank': 'Bpifrance',
  other: 'Autre (précisé dans le motif)',
};

/** A committee date, as `YYYY-MM-DD` (read in Europe/Paris). */
export const isoDate = z.string().check(
  z.regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Choisissez une date (par exemple 2027-03-15).'),
  z.refine(
    (value) => new Date(`${value}T12:00:00Z`).toISOString().startsWith(value),
    'Cette date n’existe pas.',
  ),
);

const version = z.int().check(z.minimum(1, 'La version de la candidature manque.'));
const reason = z.optional(requiredText(3, 2000, 'Le motif', 'paragraphs'));

/** A staff member moves an application: the version they read, so two people acting at once cannot both win. */
export const transitionRequestSchema = z.object({
  to: z.enum(applicationStatuses, 'Ce statut n’existe pas.'),
  version,
  reason,
  committeeId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{3,80}$/, 'Ce comité n’existe pas.'))),
  orientation: z.optional(z.enum(orientations, 'Choisissez une orientation dans la liste.')),
});
export type TransitionRequest = z.output<typeof transitionRequestSchema>;

export const noteSchema = z.object({ text: requiredText(1, 4000, 'La note', 'paragraphs') });

export const committeeSchema = z.object({
  date: isoDate,
  time: z.optional(z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'L’heure s’écrit 14:30.'))),
  place: z.optional(requiredText(2, 200, 'Le lieu')),
});
export type CommitteeInput = z.output<typeof committeeSchema>;

/** The decisions a committee can take on an application on its agenda. */
export const committeeDecisions = ['approved', 'rejected', 'deferred', 'info-requested'] as const;
export type CommitteeDecision = (typeof committeeDecisions)[number];

export const decisionsSchema = z.object({
  decisions: z
    .array(
      z.object({
        reference: z.string().check(z.regex(/^ALZ-[0-9A-Z]{2,3}-\d{4}-\d{4,}$/, 'Référence inconnue.')),
        version,
        decision: z.enum(committeeDecisions, 'Choisissez une décision.'),
        reason,
      }),
    )
    .check(z.minLength(1, 'Aucune décision à enregistrer.'), z.maxLength(60)),
});

/** Staff's opinion on an application, printed on the committee's agenda. */
export const opinionSchema = z.object({ opinion: requiredText(3, 2000, 'L’avis de l’équipe', 'paragraphs') });
