import type { CompetenceRecord, PartnerRecord, VolunteerRecord } from '../../../shared/partners.ts';
import { storageAttributes } from '../../../shared/tables.ts';
import { itemKey } from '../keys.ts';

/**
 * A network's directory: its partner companies, their volunteers and the competences they offer,
 * all in the network's partition (`NETWORK#indre`), each kind under its own sort-key prefix, so that
 * one Query reads one kind for one network and nothing else.
 */
export const directoryKinds = {
  partner: 'PARTNER#',
  volunteer: 'VOLUNTEER#',
  competence: 'COMPETENCE#',
} as const;
export type DirectoryKind = keyof typeof directoryKinds;

export interface DirectoryRecords {
  partner: PartnerRecord;
  volunteer: VolunteerRecord;
  competence: CompetenceRecord;
}

export const networkPartition = (networkId: string) => `NETWORK#${networkId}`;

export const directoryKey = (kind: DirectoryKind, network: string, id: string) =>
  itemKey(networkPartition(network), `${directoryKinds[kind]}${id}`);

export const directoryToItem = <K extends DirectoryKind>(kind: K, record: DirectoryRecords[K]) => ({
  ...directoryKey(kind, record.network, record.id),
  entity: kind,
  ...record,
});

// Attributes that belong to the table, not to the record.
const tableOnly = new Set<string>([...storageAttributes, 'entity']);

export const directoryFromItem = <K extends DirectoryKind>(
  item: Record<string, unknown>,
): DirectoryRecords[K] => {
  const record = Object.fromEntries(Object.entries(item).filter(([name]) => !tableOnly.has(name)));
  // A competence seeded before the directory existed named its partners and had no version or status:
  // it reads as version 0 with no partner, so the seed knows to rewrite it.
  return {
    status: 'active',
    history: [],
    ...('partners' in record && !('partnerIds' in record) ? { partnerIds: [] } : {}),
    ...record,
    version: typeof record.version === 'number' ? record.version : 0,
  } as unknown as DirectoryRecords[K];
};
