import * as z from 'zod/mini';
import cdk from '../../../cdk.json' with { type: 'json' };
import { parseSettings } from '../../../infra/config.ts';
import { type Competence, competenceCategories, competenceSchema } from '../../../shared/catalogue.ts';
import { demoCatalogue } from '../../../shared/demo-catalogue.ts';
import { type PublicNetwork, toPublicNetwork } from '../../../shared/networks.ts';

/**
 * What the pages read AT BUILD TIME (Astro front matter, in Node), so that the forms work without
 * JavaScript: the networks of cdk.json — public fields only, never the staff mailboxes — and the
 * competence catalogue the application form lists as checkboxes.
 *
 * The catalogue is the demo one unless `ALIZE_CATALOGUE_URL` names the JSON of `GET /api/catalogue`
 * of a deployment: a production build then lists the real competences, and fails rather than
 * silently ship demo data when that address does not answer.
 */
export const publicNetworks = (): PublicNetwork[] =>
  parseSettings(cdk.context.alize).networks.map(toPublicNetwork);

const competencesSchema = z.array(competenceSchema);

const fetchCatalogue = async (url: string): Promise<Competence[]> => {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    // A build must not hang on an address that never answers.
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`ALIZE_CATALOGUE_URL: ${url} answered HTTP ${response.status}`);
  const body = (await response.json()) as { competences?: unknown };
  const parsed = competencesSchema.safeParse(body.competences);
  if (!parsed.success) throw new Error(`ALIZE_CATALOGUE_URL: ${url} did not answer a catalogue`);
  return parsed.data;
};

let catalogue: Promise<Competence[]> | undefined;

/** Read once per build, however many pages ask. */
export const buildCatalogue = (): Promise<Competence[]> => {
  const url = process.env.ALIZE_CATALOGUE_URL;
  catalogue ??= url ? fetchCatalogue(url) : Promise.resolve(demoCatalogue);
  return catalogue;
};

export interface CatalogueSection {
  network: PublicNetwork;
  categories: { id: string; label: string; competences: Competence[] }[];
}

const byLabel = (a: Competence, b: Competence) => a.label.localeCompare(b.label, 'fr');

/**
 * Network by network (cdk.json's order), category by category (the site's order), then by label,
 * as the catalogue page lists them.
 */
export const catalogueByNetwork = async (): Promise<CatalogueSection[]> => {
  const competences = await buildCatalogue();
  return publicNetworks()
    .map((network) => ({
      network,
      categories: competenceCategories
        .map((category) => ({
          id: category.id,
          label: category.label,
          competences: competences
            .filter((c) => c.network === network.id && c.category === category.id)
            .sort(byLabel),
        }))
        .filter((category) => category.competences.length > 0),
    }))
    .filter((section) => section.categories.length > 0);
};
