/**
 * How long a prospect's data is kept: the CNIL's rule for prospects is three years after the last
 * contact. Pure: the clock is passed in, the records are read by the caller.
 */
export const prospectRetentionYears = 3;

/** When a record whose last contact was `lastContact` is due for anonymisation. */
export const anonymisationDueAt = (lastContact: string): string => {
  const due = new Date(lastContact);
  due.setUTCFullYear(due.getUTCFullYear() + prospectRetentionYears);
  return due.toISOString();
};

/** How long an application with a mission still open waits before it is looked at again. */
export const openWorkRecheckDays = 30;

type Item = Record<string, unknown>;

const datesOf = (item: Item): string[] => {
  const dates = [item.createdAt, item.updatedAt, item.at].filter(
    (value): value is string => typeof value === 'string',
  );
  const history = Array.isArray(item.history) ? (item.history as Item[]) : [];
  return [...dates, ...history.map((line) => line.at).filter((at): at is string => typeof at === 'string')];
};

/**
 * The last contact with the person, read from every item of the record's partition: its receipt,
 * each change of status (each one a mail or a call), each note, and whatever else lives there later
 * (missions and their interventions carry `createdAt` / `updatedAt` / `at` too).
 */
export const lastContactOf = (items: readonly Item[]): string | undefined =>
  items.flatMap(datesOf).sort().at(-1);

/**
 * Statuses and entities that mean the programme is still working with the person: an application
 * whose missions run, or a mission item that is not closed. Missions (functions/db/entities/mission.ts,
 * once it lands) add their open statuses here.
 */
export const openRecordStatuses: readonly string[] = ['in-progress'];
export const openChildren: Readonly<Record<string, (item: Item) => boolean>> = {
  mission: (item) => !['closed', 'cancelled'].includes(String(item.status)),
};

export const hasOpenWork = (record: Item, children: readonly Item[]): boolean =>
  openRecordStatuses.includes(String(record.status)) ||
  children.some((child) => openChildren[String(child.entity)]?.(child) ?? false);

export type RetentionDecision =
  | { kind: 'anonymise' }
  | { kind: 'postpone'; dueAt: string; why: 'recent-contact' | 'open-work' };

/** What the nightly job does with one record whose retention mark is due. */
export const retentionDecision = (record: Item, children: readonly Item[], now: Date): RetentionDecision => {
  const lastContact = lastContactOf([record, ...children]) ?? now.toISOString();
  const dueAt = anonymisationDueAt(lastContact);
  if (dueAt > now.toISOString()) return { kind: 'postpone', dueAt, why: 'recent-contact' };
  if (hasOpenWork(record, children)) {
    return {
      kind: 'postpone',
      dueAt: new Date(now.getTime() + openWorkRecheckDays * 86_400_000).toISOString(),
      why: 'open-work',
    };
  }
  return { kind: 'anonymise' };
};
