import * as z from 'zod/mini';
import cdk from '../../../cdk.json' with { type: 'json' };
import { parseSettings, type Settings } from '../../../infra/config.ts';
import { type Competence, competenceCategories, competenceSchema } from '../../../shared/catalogue.ts';
import { type CategoryGroup, groupByCategory } from '../../../shared/catalogue-groups.ts';
import { demoCatalogue } from '../../../shared/demo-catalogue.ts';
import { frenchSpacing } from '../../../shared/french-spacing.ts';
import {
  type PublicNational,
  type PublicNetwork,
  toPublicNational,
  toPublicNetwork,
} from '../../../shared/networks.ts';

/**
 * What the pages read AT BUILD TIME (Astro front matter, in Node), so that every page works without
 * JavaScript: the networks and the national coordination of cdk.json — public fields only, never the
 * staff mailboxes —, the legal notice, and the competence catalogue.
 *
 * The catalogue is the demo one unless `ALIZE_CATALOGUE_URL` names the JSON of `GET /api/catalogue`
 * of a deployment: a production build then lists the real competences, and fails rather than
 * silently ship demo data when that address does not answer.
 */
let settings: Settings | undefined;
const readSettings = (): Settings => {
  settings ??= parseSettings(cdk.context.alize);
  return settings;
};

export const publicNetworks = (): PublicNetwork[] => readSettings().networks.map(toPublicNetwork);

/** Who answers people outside every network's territory. */
export const publicNational = (): PublicNational => toPublicNational(readSettings().national);

/** Publisher and host, as the legal notice names them. */
export const legalNotice = (): Settings['legal'] => readSettings().legal;

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
  /** How many competences the network offers, all categories together. */
  count: number;
  categories: CategoryGroup[];
}

/** The texts staff typed, with French spacing, as the browser shows the live catalogue too. */
const asShown = (competence: Competence): Competence => ({
  ...competence,
  label: frenchSpacing(competence.label),
  description: frenchSpacing(competence.description),
  partners: competence.partners.map(frenchSpacing),
});

/**
 * Network by network (cdk.json's order), category by category (the site's order), then by label,
 * as the catalogue page lists them; a network with no competence yet is left out.
 */
export const catalogueByNetwork = async (): Promise<CatalogueSection[]> => {
  const competences = (await buildCatalogue()).map(asShown);
  return publicNetworks()
    .map((network) => {
      const own = competences.filter((c) => c.network === network.id);
      return { network, count: own.length, categories: groupByCategory(competenceCategories, own) };
    })
    .filter((section) => section.count > 0);
};
