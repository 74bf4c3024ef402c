import { tables } from '../../../shared/tables.ts';
import { itemKey, keyAttributes } from '../keys.ts';

const due = tables.data.indexes.byDueDate;

/**
 * When a record is next looked at by the retention job: a small item in the record's own partition,
 * on the byDueDate index under a queue of its own, written with the record. Apart from the record
 * because the record's own `dueQueue` belongs to the owed-mail mark of its moves. Its due date is a
 * lower bound: the job reads the partition, and a later contact only pushes the mark forward.
 */
export const retentionQueue = 'retention';

export const retentionMarkSort = 'RETENTION';
export const retentionMarkOf = (partition: string) => itemKey(partition, retentionMarkSort);

export interface RetentionMark {
  partition: string;
  reference: string;
  /** The entity of the record it watches (`application`, `partner-offer`, `contact-message`). */
  kind: string;
  dueAt: string;
}

export const retentionMarkToItem = (mark: RetentionMark) => ({
  ...retentionMarkOf(mark.partition),
  entity: 'retention-mark',
  [due.partitionKey]: retentionQueue,
  [due.sortKey]: mark.dueAt,
  reference: mark.reference,
  kind: mark.kind,
});

export const retentionMarkFromItem = (item: Record<string, unknown>): RetentionMark => ({
  partition: String(item[keyAttributes.partition]),
  reference: item.reference as string,
  kind: item.kind as string,
  dueAt: String(item[due.sortKey]),
});
