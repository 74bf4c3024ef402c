import { type CatalogueResponse, type Competence, competenceCategories } from '../../../shared/catalogue.ts';
import { type Network, toPublicNetwork } from '../../../shared/networks.ts';

const categoryRank = new Map(competenceCategories.map((category, index) => [category.id, index]));
const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The public catalogue: networks without their staff mailboxes, competences in the site's
 * category order, then alphabetically as a French reader expects (accents ignored).
 */
export const assembleCatalogue = (networks: Network[], competences: Competence[]): CatalogueResponse => ({
  networks: networks.map(toPublicNetwork),
  categories: competenceCategories.map(({ id, label }) => ({ id, label })),
  competences: [...competences].sort(
    (a, b) =>
      (categoryRank.get(a.category) ?? 99) - (categoryRank.get(b.category) ?? 99) ||
      frenchOrder.compare(a.label, b.label),
  ),
});
