import * as z from 'zod/mini';
import { applicationStatuses, committeeDecisions, orientations } from './application-status.ts';
import { requiredText } from './form-fields.ts';

// The statuses and their words, without zod, for the pages that only show them.
export * from './application-status.ts';

/** A committee date, as `YYYY-MM-DD` (read in Europe/Paris). */
export const isoDate = z.string({ error: 'Choisissez la date du comité.' }).check(
  // `abort`: zod runs every check, and the refine below cannot read a date that is not one (RangeError, a 500).
  z.regex(/^20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    error: 'Choisissez une date (par exemple 2027-03-15).',
    abort: true,
  }),
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
