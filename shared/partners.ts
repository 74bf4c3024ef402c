import * as z from 'zod/mini';
import { type CompetenceCategory, categoryIds } from './catalogue.ts';
import { email, optionalPhone, optionalText, requiredText, siret } from './form-fields.ts';

/**
 * The partner companies of a network and the employees they lend (volunteers), as staff keep them in
 * the back office. Both are retired rather than deleted: a mission run by a volunteer who has since
 * left keeps naming them, and a company that stops lending keeps its past missions.
 */
export const directoryStatuses = ['active', 'retired'] as const;
export type DirectoryStatus = (typeof directoryStatuses)[number];
export const directoryStatusLabels: Record<DirectoryStatus, string> = {
  active: 'Actif',
  retired: 'Retiré',
};

/** Ids of partners, volunteers and competences: lower-case letters, digits and dashes. */
export const directoryIdPattern = /^[a-z0-9-]{3,80}$/;
export const directoryId = (label: string) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .check(z.regex(directoryIdPattern, `${label} est inconnu.`));

/** The person of the partner company the network deals with (RSE or RH). */
export const partnerContactSchema = z.object(
  {
    firstName: requiredText(1, 60, 'Le prénom du contact', 'name'),
    lastName: requiredText(1, 60, 'Le nom du contact', 'name'),
    role: optionalText(80, 'La fonction du contact'),
    email,
    phone: optionalPhone,
  },
  { error: 'Le contact RSE ou RH de l’entreprise manque.' },
);

/** What staff type to add or edit a partner company (`POST`/`PUT /api/staff/partners…`). */
export const partnerInputSchema = z.object({
  name: requiredText(2, 120, 'Le nom de l’entreprise', 'name'),
  siret,
  sector: requiredText(2, 120, 'Le secteur d’activité'),
  contact: partnerContactSchema,
});
export type PartnerInput = z.output<typeof partnerInputSchema>;

/** What staff type to add or edit a volunteer; competences are ids of the network's catalogue. */
export const volunteerInputSchema = z.object({
  partnerId: directoryId('L’entreprise partenaire'),
  firstName: requiredText(1, 60, 'Le prénom', 'name'),
  lastName: requiredText(1, 60, 'Le nom', 'name'),
  role: requiredText(2, 80, 'La fonction'),
  email,
  phone: optionalPhone,
  competences: z
    .array(directoryId('La compétence'), {
      error: 'Les compétences doivent être envoyées sous forme de liste.',
    })
    .check(
      z.maxLength(40, 'Choisissez au plus 40\u00a0compétences.'),
      z.refine(
        (list) => new Set(list).size === list.length,
        'Chaque compétence ne peut être choisie qu’une fois.',
      ),
    ),
});
export type VolunteerInput = z.output<typeof volunteerInputSchema>;

/** One line of a directory record's audit trail: who changed it, when, and how. */
export interface DirectoryChange {
  at: string;
  actor: { id: string; name: string };
  change: 'created' | 'updated' | 'retired' | 'reinstated';
  /** The partner offer (public form) the partner was made from. */
  fromOffer?: string;
}

interface DirectoryRecord {
  id: string;
  network: string;
  status: DirectoryStatus;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1; every change adds one and is written only if the version is still the one read. */
  version: number;
  history: DirectoryChange[];
}

export interface PartnerRecord extends DirectoryRecord, PartnerInput {
  /** The reference of the partner offer it was made from, when it was. */
  fromOffer?: string;
}

export interface VolunteerRecord extends DirectoryRecord, VolunteerInput {}

/** What staff type to add or edit a competence: the partners are ids, never names. */
export const competenceInputSchema = z.object({
  category: z.enum(categoryIds, { error: 'Choisissez le domaine de la compétence.' }),
  label: requiredText(3, 120, 'L’intitulé de la compétence'),
  description: optionalText(600, 'La description de la compétence', 'paragraphs'),
  partnerIds: z
    .array(directoryId('L’entreprise partenaire'), {
      error: 'Les entreprises partenaires doivent être envoyées sous forme de liste.',
    })
    .check(
      z.minLength(1, 'Choisissez au moins une entreprise partenaire qui offre cette compétence.'),
      z.maxLength(40, 'Choisissez au plus 40\u00a0entreprises partenaires.'),
      z.refine(
        (list) => new Set(list).size === list.length,
        'Chaque entreprise partenaire ne peut être choisie qu’une fois.',
      ),
    ),
});
export type CompetenceInput = z.output<typeof competenceInputSchema>;

/** A competence as stored: it names its partner companies by id, so a renamed partner stays right everywhere. */
export interface CompetenceRecord {
  id: string;
  network: string;
  category: CompetenceCategory;
  label: string;
  description: string;
  partnerIds: string[];
  status: DirectoryStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
  history: DirectoryChange[];
}

/** The version a staff member read: a change is written only if it is still the stored one. */
const directoryVersion = z
  .int({ error: 'La version de la fiche manque.' })
  .check(z.minimum(1, 'La version de la fiche manque.'));

/** `PUT /api/staff/partners/{id}`: the whole fiche again, with the version read. */
export const partnerUpdateSchema = z.extend(partnerInputSchema, { version: directoryVersion });
export const volunteerUpdateSchema = z.extend(volunteerInputSchema, { version: directoryVersion });
export const competenceUpdateSchema = z.extend(competenceInputSchema, { version: directoryVersion });

/** `PUT /api/staff/…/{id}/status`: retire, or reinstate. */
export const directoryStatusSchema = z.object({
  status: z.enum(directoryStatuses, { error: 'Choisissez «\u00a0Actif\u00a0» ou «\u00a0Retiré\u00a0».' }),
  version: directoryVersion,
});
export type DirectoryStatusChange = z.output<typeof directoryStatusSchema>;

/** `POST /api/staff/partner-offers/{reference}/partner`: what the offer does not say, typed by staff. */
export const offerConversionSchema = z.object({
  sector: partnerInputSchema.shape.sector,
});
