import * as z from 'zod/mini';
import { competenceCategories } from './catalogue.ts';
import {
  antiBotFields,
  choices,
  consent,
  contactPerson,
  integer,
  optionalText,
  postcode,
  requiredText,
  siret,
} from './form-fields.ts';

const categoryIds = competenceCategories.map((c) => c.id) as [string, ...string[]];

/** A large company offering its employees' skills to the SMEs of a network (`POST /api/partners`). */
export const partnerOfferSchema = z.object({
  company: z.object(
    {
      name: requiredText(2, 120, 'Le nom de l’entreprise', 'name'),
      siret,
      postcode,
      city: requiredText(1, 100, 'La commune'),
    },
    { error: 'Les informations sur l’entreprise manquent.' },
  ),
  contact: contactPerson,
  offer: z.object(
    {
      categories: choices(
        z.enum(categoryIds, { error: 'Domaine inconnu.' }),
        {
          notAList: 'Les domaines choisis doivent être envoyés sous forme de liste.',
          none: 'Choisissez au moins un domaine.',
          tooMany: `Choisissez au plus ${categoryIds.length}\u00a0domaines.`,
          duplicate: 'Chaque domaine ne peut être choisi qu’une fois.',
        },
        { max: categoryIds.length },
      ),
      skills: requiredText(20, 3000, 'La description des compétences proposées', 'paragraphs'),
      volunteers: integer(1, 500, { label: 'Le nombre de salariés volontaires' }),
      message: optionalText(2000, 'Le message', 'paragraphs'),
    },
    { error: 'La description de votre proposition manque.' },
  ),
  consent,
  ...antiBotFields,
});

export type PartnerOfferInput = z.input<typeof partnerOfferSchema>;
export type PartnerOffer = z.output<typeof partnerOfferSchema>;
