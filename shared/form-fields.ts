import * as z from 'zod';
import { isValidSiret, normaliseSiret } from './siret.ts';
import './validation.ts';

/**
 * Field types shared by the forms: they accept what a JSON client sends and what a browser
 * posts without JavaScript (every value a string, empty fields as ""), and trim what people type.
 */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const requiredText = (min: number, max: number, label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    // A blank field is "obligatoire", not "too short": abort so only that message shows.
    .min(1, { error: `${label} est obligatoire.`, abort: true })
    .min(min, `${label} doit compter au moins ${min} caractères.`)
    .max(max, `${label} ne doit pas dépasser ${max} caractères.`);

export const optionalText = (max: number, label: string) =>
  z.preprocess(
    blankToUndefined,
    z.string().trim().max(max, `${label} ne doit pas dépasser ${max} caractères.`).optional(),
  );

export const integer = (
  min: number,
  max: number,
  messages: { label: string; tooHigh?: string; tooLow?: string },
) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? `${messages.label} est obligatoire.`
            : `${messages.label} doit être un nombre entier.`,
      })
      .int(`${messages.label} doit être un nombre entier.`)
      .min(min, messages.tooLow ?? `${messages.label} doit être au moins ${min}.`)
      .max(max, messages.tooHigh ?? `${messages.label} ne peut pas dépasser ${max}.`),
  );

export const optionalInteger = (min: number, max: number, label: string) =>
  z.preprocess(blankToUndefined, integer(min, max, { label }).optional());

export const email = z
  .string({ error: 'L’adresse électronique est obligatoire.' })
  .trim()
  .min(1, { error: 'L’adresse électronique est obligatoire.', abort: true })
  .max(254, 'L’adresse électronique est trop longue.')
  .pipe(z.email('L’adresse électronique n’est pas valide (exemple : prenom.nom@entreprise.fr).'));

export const optionalPhone = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .regex(
      /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/,
      'Le numéro de téléphone n’est pas valide (exemple : 02 54 00 00 00).',
    )
    .optional(),
);

export const consent = z.preprocess(
  (value) => value === true || value === 'true' || value === 'on' || value === '1',
  z.literal(true, { error: 'Votre accord est nécessaire pour que nous puissions traiter votre demande.' }),
);

/** Fields a person never sees: a trap only bots fill, and when the form was shown. */
export const antiBotFields = {
  comment: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  formStartedAt: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
};

export const siret = z
  .string({ error: 'Le numéro SIRET est obligatoire.' })
  .transform(normaliseSiret)
  .refine((value) => value !== '', { error: 'Le numéro SIRET est obligatoire.', abort: true })
  .refine((value) => /^\d{14}$/.test(value), { error: 'Le numéro SIRET compte 14 chiffres.', abort: true })
  .refine(isValidSiret, 'Ce numéro SIRET n’existe pas : vérifiez les chiffres.');

export const postcode = z
  .string({ error: 'Le code postal est obligatoire.' })
  .trim()
  .min(1, { error: 'Le code postal est obligatoire.', abort: true })
  .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.');
