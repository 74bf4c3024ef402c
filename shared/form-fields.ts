import * as z from 'zod/mini';
import { isValidSiret, normaliseSiret } from './siret.ts';
import { preprocess } from './validation.ts';

/**
 * Field types shared by the forms: they accept what a JSON client sends and what a browser
 * posts without JavaScript (every value a string, empty fields as ""), and trim what people type.
 */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const requiredText = (min: number, max: number, label: string) =>
  z.string({ error: `${label} est obligatoire.` }).check(
    z.trim(),
    // A blank field is "obligatoire", not "too short": abort so only that message shows.
    z.minLength(1, { error: `${label} est obligatoire.`, abort: true }),
    z.minLength(min, `${label} doit compter au moins ${min} caractères.`),
    z.maxLength(max, `${label} ne doit pas dépasser ${max} caractères.`),
  );

export const optionalText = (max: number, label: string) =>
  preprocess(
    blankToUndefined,
    z.optional(
      z.string().check(z.trim(), z.maxLength(max, `${label} ne doit pas dépasser ${max} caractères.`)),
    ),
  );

export const integer = (
  min: number,
  max: number,
  messages: { label: string; tooHigh?: string; tooLow?: string },
) =>
  preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z
      .number({
        error: (issue) =>
          issue.input === undefined
            ? `${messages.label} est obligatoire.`
            : `${messages.label} doit être un nombre entier.`,
      })
      .check(
        z.int(`${messages.label} doit être un nombre entier.`),
        z.gte(min, messages.tooLow ?? `${messages.label} doit être au moins ${min}.`),
        z.lte(max, messages.tooHigh ?? `${messages.label} ne peut pas dépasser ${max}.`),
      ),
  );

export const optionalInteger = (min: number, max: number, label: string) =>
  preprocess(blankToUndefined, z.optional(integer(min, max, { label })));

export const email = z.pipe(
  z
    .string({ error: 'L’adresse électronique est obligatoire.' })
    .check(
      z.trim(),
      z.minLength(1, { error: 'L’adresse électronique est obligatoire.', abort: true }),
      z.maxLength(254, 'L’adresse électronique est trop longue.'),
    ),
  z.email('L’adresse électronique n’est pas valide (exemple : prenom.nom@entreprise.fr).'),
);

export const optionalPhone = preprocess(
  blankToUndefined,
  z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.regex(
          /^(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/,
          'Le numéro de téléphone n’est pas valide (exemple : 02 54 00 00 00).',
        ),
      ),
  ),
);

export const consent = preprocess(
  (value) => value === true || value === 'true' || value === 'on' || value === '1',
  z.literal(true, { error: 'Votre accord est nécessaire pour que nous puissions traiter votre demande.' }),
);

/** Fields a person never sees: a trap only bots fill, and when the form was shown. */
export const antiBotFields = {
  comment: preprocess(blankToUndefined, z.optional(z.string().check(z.maxLength(200)))),
  formStartedAt: preprocess(blankToUndefined, z.optional(z.coerce.number().check(z.int(), z.positive()))),
};

export const siret = z
  .pipe(z.string({ error: 'Le numéro SIRET est obligatoire.' }), z.transform(normaliseSiret))
  .check(
    z.refine((value) => value !== '', { error: 'Le numéro SIRET est obligatoire.', abort: true }),
    z.refine((value) => /^\d{14}$/.test(value), {
      error: 'Le numéro SIRET compte 14 chiffres.',
      abort: true,
    }),
    z.refine(isValidSiret, 'Ce numéro SIRET n’existe pas : vérifiez les chiffres.'),
  );

export const postcode = z
  .string({ error: 'Le code postal est obligatoire.' })
  .check(
    z.trim(),
    z.minLength(1, { error: 'Le code postal est obligatoire.', abort: true }),
    z.regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.'),
  );

/** The person the network will call back, as the application and partner forms both ask for them. */
export const contactPerson = z.object(
  {
    firstName: requiredText(1, 60, 'Le prénom'),
    lastName: requiredText(1, 60, 'Le nom'),
    role: optionalText(80, 'La fonction'),
    email,
    phone: optionalPhone,
  },
  { error: 'Vos coordonnées manquent.' },
);
