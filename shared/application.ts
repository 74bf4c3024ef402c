import * as z from 'zod/mini';
import {
  antiBotFields,
  consent,
  contactPerson,
  integer,
  optionalInteger,
  postcode,
  requiredText,
  siret,
} from './form-fields.ts';
import { preprocess } from './validation.ts';

/** Alizé helps SMEs: fewer than 250 employees. */
export const maxEmployees = 249;
export const maxCompetencesPerApplication = 5;

/**
 * The SME application, as the form and `POST /api/applications` share it. Rules that need
 * reference data (NAF list, communes, catalogue) are checked by the domain on the server.
 */
export const applicationSchema = z.object({
  company: z.object(
    {
      name: requiredText(2, 120, 'Le nom de l’entreprise'),
      siret,
      nafCode: preprocess(
        (value) =>
          typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : undefined,
        z.optional(
          z.pipe(
            z.string().check(z.regex(/^\d{2}\.?\d{2}[A-Z]$/, 'Le code NAF s’écrit comme 25.62B.')),
            z.transform((code: string) =>
              code.includes('.') ? code : `${code.slice(0, 2)}.${code.slice(2)}`,
            ),
          ),
        ),
      ),
      employees: integer(0, maxEmployees, {
        label: 'Le nombre de salariés',
        tooHigh:
          'Alizé accompagne les entreprises de moins de 250 salariés : votre entreprise dépasse ce seuil, mais d’autres dispositifs existent, contactez-nous pour en parler.',
      }),
      postcode,
      city: requiredText(1, 100, 'La commune'),
      createdYear: optionalInteger(1800, 2100, 'L’année de création'),
      website: preprocess(
        (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
        z.optional(
          z
            .url({ protocol: /^https?$/, error: 'L’adresse du site doit commencer par https:// ou http://.' })
            .check(z.maxLength(200, 'L’adresse du site ne doit pas dépasser 200 caractères.')),
        ),
      ),
    },
    { error: 'Les informations sur l’entreprise manquent.' },
  ),
  contact: contactPerson,
  project: z.object(
    {
      title: requiredText(5, 120, 'Le titre du projet'),
      description: requiredText(30, 3000, 'La description du projet'),
      competences: preprocess(
        (value) => (typeof value === 'string' ? [value] : value),
        z
          .array(z.string().check(z.regex(/^[a-z0-9-]{3,80}$/, 'Compétence inconnue.')), {
            error: 'Choisissez au moins une compétence.',
          })
          .check(
            z.minLength(1, 'Choisissez au moins une compétence.'),
            z.maxLength(
              maxCompetencesPerApplication,
              `Choisissez au plus ${maxCompetencesPerApplication} compétences.`,
            ),
            z.refine(
              (ids) => new Set(ids).size === ids.length,
              'Chaque compétence ne peut être choisie qu’une fois.',
            ),
          ),
      ),
      jobsToCreate: optionalInteger(0, 999, 'Le nombre d’emplois à créer'),
      jobsToMaintain: optionalInteger(0, 9999, 'Le nombre d’emplois à maintenir'),
      desiredStart: preprocess(
        (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined),
        z.optional(
          z.string().check(z.regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'Indiquez un mois, par exemple 2027-03.')),
        ),
      ),
    },
    { error: 'La description du projet manque.' },
  ),
  consent,
  ...antiBotFields,
});

export type ApplicationInput = z.input<typeof applicationSchema>;
export type Application = z.output<typeof applicationSchema>;

/** `201` answer: the reference the SME quotes, and the network that will handle the request. */
export interface ApplicationAccepted {
  reference: string;
  network: { id: string; name: string };
}
