import type { Competence } from './catalogue.ts';
import type { CompetenceRecord, PartnerRecord } from './partners.ts';

// Apart from shared/partners.ts and its schemas: the functions that only read the catalogue bundle this alone.
/**
 * The public view of stored competences: each names the active partners that offer it, and one that
 * no active partner offers any more is left out (nobody could run it).
 */
export const toPublicCompetences = (
  records: readonly CompetenceRecord[],
  partners: readonly Pick<PartnerRecord, 'id' | 'name' | 'status'>[],
): Competence[] => {
  const activeNames = new Map(partners.filter((p) => p.status === 'active').map((p) => [p.id, p.name]));
  return records.flatMap((record) => {
    if (record.status !== 'active') return [];
    const names = record.partnerIds.flatMap((id) => activeNames.get(id) ?? []);
    if (names.length === 0) return [];
    const { id, network, category, label, description } = record;
    return [{ id, network, category, label, description, partners: names }];
  });
};
