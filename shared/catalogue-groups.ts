import type { Competence } from './catalogue.ts';

/**
 * One network's competences as the catalogue shows them, in the build (static HTML) as in the
 * browser (live data): category by category in the given order, empty categories left out, then by
 * label as a French reader expects (accents and case ignored). No zod here: the browser loads it.
 */
export interface CategoryGroup<C extends Pick<Competence, 'category' | 'label'> = Competence> {
  id: string;
  label: string;
  competences: C[];
}

const frenchOrder = new Intl.Collator('fr', { sensitivity: 'base' });

export const groupByCategory = <C extends Pick<Competence, 'category' | 'label'>>(
  categories: readonly { id: string; label: string }[],
  competences: readonly C[],
): CategoryGroup<C>[] =>
  categories
    .map(({ id, label }) => ({
      id,
      label,
      competences: competences
        .filter((competence) => competence.category === id)
        .sort((a, b) => frenchOrder.compare(a.label, b.label)),
    }))
    .filter((group) => group.competences.length > 0);
