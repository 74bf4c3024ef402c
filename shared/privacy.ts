import * as z from 'zod/mini';
import { email, requiredText } from './form-fields.ts';

/** `GET /api/staff/people?email=…`: everything held about the person who wrote from this address. */
export const personQuerySchema = z.object({ email });

/** `POST /api/staff/records/{reference}/anonymisation`: why, kept in the record's audit line. */
export const anonymisationRequestSchema = z.object({
  reason: requiredText(3, 500, 'Le motif de l’anonymisation', 'paragraphs'),
});

const realDay = (value: string) => {
  const noon = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(noon.getTime()) && noon.toISOString().startsWith(value);
};

/** A Paris calendar day, `YYYY-MM-DD`. */
const day = z
  .string({ error: 'Choisissez une date.' })
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Choisissez une date (par exemple 2027-01-31).'),
    z.refine(realDay, 'Cette date n’existe pas.'),
  );

/** `GET /api/staff/exports/applications?network=&from=&to=`: applications received between two Paris days, included. */
export const applicationsExportQuerySchema = z
  .object({
    network: z.optional(z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, 'Ce réseau n’existe pas.'))),
    from: day,
    to: day,
  })
  .check(
    z.refine((query) => query.from <= query.to, {
      message: 'La date de fin doit suivre la date de début.',
      path: ['to'],
    }),
  );
export type ApplicationsExportQuery = z.output<typeof applicationsExportQuerySchema>;
