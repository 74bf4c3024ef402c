/**
 * One line of a submission's history (received, then qualified, accepted… by the back office),
 * kept in the submission's own partition so one Query reads the record and its history.
 */
export type AuditEvent = 'received';

export interface AuditEntry {
  event: AuditEvent;
  at: string;
  /** Who did it: `public-form` for what a visitor sent, a staff member's id later. */
  actor: string;
}

export const auditKeys = {
  sortPrefix: 'AUDIT#',
  of: (owner: { pk: string }, entry: Pick<AuditEntry, 'at' | 'event'>) => ({
    pk: owner.pk,
    sk: `${auditKeys.sortPrefix}${entry.at}#${entry.event}`,
  }),
};

export const auditToItem = (owner: { pk: string }, entry: AuditEntry) => ({
  ...auditKeys.of(owner, entry),
  entity: 'audit-entry',
  ...entry,
});

export const auditFromItem = (item: Record<string, unknown>): AuditEntry => ({
  event: item.event as AuditEvent,
  at: item.at as string,
  actor: item.actor as string,
});
