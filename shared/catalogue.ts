import * as z from 'zod/mini';
import type { PublicNetwork } from './networks.ts';

/** Categories of the competence catalogue, in the order the site shows them. */
export const competenceCategories = [
  { id: 'quality', label: 'Qualité' },
  { id: 'production', label: 'Production et logistique' },
  { id: 'hr', label: 'Ressources humaines' },
  { id: 'sales-export', label: 'Commercial et export' },
  { id: 'finance', label: 'Finance et gestion' },
  { id: 'digital', label: 'Numérique' },
  { id: 'safety-environment', label: 'Sécurité et environnement' },
  { id: 'management', label: 'Management et stratégie' },
] as const;

export type CompetenceCategory = (typeof competenceCategories)[number]['id'];
export const categoryIds = competenceCategories.map((c) => c.id) as [
  CompetenceCategory,
  ...CompetenceCategory[],
];

export const competenceSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{3,80}$/)),
  network: z.string(),
  category: z.enum(categoryIds),
  label: z.string().check(z.minLength(3), z.maxLength(120)),
  description: z.string().check(z.maxLength(600)),
  /** Partner companies that can lend an employee for this competence. */
  partners: z.array(z.string().check(z.minLength(2), z.maxLength(120))).check(z.minLength(1)),
});
/** A competence as the public reads it: the names of the partner companies that offer it today. */
export type Competence = z.infer<typeof competenceSchema>;

export interface CatalogueResponse {
  networks: PublicNetwork[];
  categories: { id: CompetenceCategory; label: string }[];
  competences: Competence[];
}

/** `GET /api/catalogue?network=indre`: the network is optional, every network when absent. */
export const catalogueQuerySchema = z.object({
  network: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.regex(
          /^[a-z0-9-]{2,40}$/,
          'L’identifiant de réseau ne contient que des minuscules, des chiffres et des tirets.',
        ),
      ),
  ),
});
