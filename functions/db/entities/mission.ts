import { tables } from '../../../shared/tables.ts';
import { missionDueAt, missionReminderQueue } from '../../domain/digests/mission-due.ts';
import type { Mission } from '../../domain/missions/mission.ts';
import { itemKey, partitionOf } from '../keys.ts';
import { applicationKeys } from './application.ts';
import { networkEntityKey, networkStatusKey } from './submission.ts';

/**
 * A mission lives in its application's partition (`APPLICATION#ALZ-36-2026-0001` / `MISSION#0001`),
 * so that one Query reads an application with all its missions, and a mission's id leads to it. It
 * is listed per network and status on byNetworkAndStatus (`mission#indre#active`). Once closed, it
 * waits on byDueDate (`outcome-follow-up`) for its 12- and 24-month follow-ups; until then it waits
 * there for the daily reminders (`mission-reminder`), on the next day something about it is due
 * (functions/domain/digests/mission-due.ts), recomputed at every write.
 */
export const missionSortPrefix = 'MISSION#';
export const followUpQueue = 'outcome-follow-up';

export const missionKey = (reference: string, number: number) =>
  itemKey(
    partitionOf(applicationKeys.of(reference)),
    `${missionSortPrefix}${String(number).padStart(4, '0')}`,
  );

const listing = tables.data.indexes.byNetworkAndStatus;
const due = tables.data.indexes.byDueDate;
const recent = tables.data.indexes.byNetworkAndUpdate;

const dueAttributes = (mission: Mission): Record<string, string> => {
  if (mission.status === 'closed') {
    return mission.nextFollowUp
      ? { [due.partitionKey]: followUpQueue, [due.sortKey]: mission.nextFollowUp.dueAt }
      : {};
  }
  const dueAt = missionDueAt(mission);
  return dueAt ? { [due.partitionKey]: missionReminderQueue, [due.sortKey]: dueAt } : {};
};

export const missionToItem = (mission: Mission): Record<string, unknown> => ({
  ...missionKey(mission.reference, mission.number),
  entity: 'mission',
  [listing.partitionKey]: networkStatusKey('mission', mission.network, mission.status),
  [recent.partitionKey]: networkEntityKey('mission', mission.network),
  ...mission,
  // The index's sort key: a mission kept from before it had one reads as changed when last written.
  [recent.sortKey]: mission.updatedAt ?? mission.history.at(-1)?.at ?? mission.createdAt,
  ...dueAttributes(mission),
});

const storageAttributes = new Set<string>([
  tables.data.partitionKey,
  tables.data.sortKey,
  'entity',
  listing.partitionKey,
  recent.partitionKey,
  due.partitionKey,
  due.sortKey,
]);

export const missionFromItem = (item: Record<string, unknown>): Mission =>
  Object.fromEntries(
    Object.entries(item).filter(([name]) => !storageAttributes.has(name)),
  ) as unknown as Mission;
