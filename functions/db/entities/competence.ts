import type { Competence } from '../../../shared/catalogue.ts';

/** A competence lives in its network's partition, so one Query reads a network's whole catalogue. */
export const competenceKeys = {
  partition: (networkId: string) => `NETWORK#${networkId}`,
  sortPrefix: 'COMPETENCE#',
  of: (competence: Pick<Competence, 'network' | 'id'>) => ({
    pk: competenceKeys.partition(competence.network),
    sk: `${competenceKeys.sortPrefix}${competence.id}`,
  }),
};

export const competenceToItem = (competence: Competence) => ({
  ...competenceKeys.of(competence),
  entity: 'competence',
  ...competence,
});

export const competenceFromItem = (item: Record<string, unknown>): Competence => ({
  id: item.id as string,
  network: item.network as string,
  category: item.category as Competence['category'],
  label: item.label as string,
  description: item.description as string,
  partners: item.partners as string[],
});
