import * as z from 'zod/mini';
import {
  antiBotFields,
  choices,
  consent,
  contactPerson,
  integer,
  optionalInteger,
  optionalPattern,
  optionalWebsite,
  postcode,
  requiredText,
  siret,
} from './form-fields.ts';

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
      name: requiredText(2, 120, 'Le nom de l’entreprise', 'name'),
      siret,
      nafCode: z.optional(
        z.pipe(
          optionalPattern(
            'Le code NAF',
            /^\d{2}\.?\d{2}[A-Za-z]$/,
            'Le code NAF s’écrit comme 25.62B (deux chiffres, deux chiffres, une lettre).',
          ),
          z.transform((code: string | undefined) => {
            if (code === undefined) return undefined;
            const upper = code.toUpperCase();
            return upper.includes('.') ? upper : `${upper.slice(0, 2)}.${upper.slice(2)}`;
          }),
        ),
      ),
      employees: integer(0, maxEmployees, {
        label: 'Le nombre de salariés',
        tooHigh:
          'Alizé accompagne les entreprises de moins de 250\u00a0salariés\u00a0: votre entreprise dépasse ce seuil, mais d’autres dispositifs existent. Contactez-nous pour en parler.',
      }),
      postcode,
      city: requiredText(1, 100, 'La commune'),
      createdYear: optionalInteger(1800, 2100, 'L’année de création'),
      website: optionalWebsite,
    },
    { error: 'Les informations sur l’entreprise manquent.' },
  ),
  contact: contactPerson,
  project: z.object(
    {
      title: requiredText(5, 120, 'Le titre du projet'),
      description: requiredText(30, 3000, 'La description du projet', 'paragraphs'),
      competences: choices(
        z.string().check(z.regex(/^[a-z0-9-]{3,80}$/, 'Compétence inconnue.')),
        {
          notAList: 'Les compétences choisies doivent être envoyées sous forme de liste.',
          none: 'Choisissez au moins une compétence.',
          tooMany: `Choisissez au plus ${maxCompetencesPerApplication}\u00a0compétences.`,
          duplicate: 'Chaque compétence ne peut être choisie qu’une fois.',
        },
        { max: maxCompetencesPerApplication },
      ),
      jobsToCreate: optionalInteger(0, 999, 'Le nombre d’emplois à créer'),
      jobsToMaintain: optionalInteger(0, 9999, 'Le nombre d’emplois à maintenir'),
      desiredStart: optionalPattern(
        'Le mois de démarrage',
        /^20\d{2}-(0[1-9]|1[0-2])$/,
        'Choisissez un mois dans la liste (en JSON, par exemple 2027-03).',
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
