import type { CommitteeDecision } from '../../../shared/application-lifecycle.ts';
import { itemKey } from '../keys.ts';

/**
 * An approval committee (comité d'agrément) of one network on one day: a network meets a few times
 * a year, so all its committees are one small partition, read in date order. Its id names its day
 * and network (`2027-03-15-indre`), so a link to it needs no lookup.
 */
export interface CommitteeDecisionRecord {
  reference: string;
  decision: CommitteeDecision;
  reason?: string;
  at: string;
  actor: { id: string; name: string };
}

export interface CommitteeRecord {
  id: string;
  network: string;
  date: string;
  time?: string;
  place?: string;
  createdAt: string;
  createdBy: { id: string; name: string };
  /** What the meeting decided, as recorded; each application's own history is the authority. */
  decisions: CommitteeDecisionRecord[];
}

export const committeeId = (network: string, date: string) => `${date}-${network}`;

export const parseCommitteeId = (id: string): { network: string; date: string } | undefined => {
  const match = /^(\d{4}-\d{2}-\d{2})-([a-z0-9-]+)$/.exec(id);
  return match?.[1] && match[2] ? { date: match[1], network: match[2] } : undefined;
};

export const committeeKeys = {
  partition: (network: string) => `COMMITTEE#${network}`,
  of: (network: string, date: string) => itemKey(committeeKeys.partition(network), `COMMITTEE#${date}`),
};

export const committeeToItem = (committee: CommitteeRecord) => ({
  ...committeeKeys.of(committee.network, committee.date),
  entity: 'committee',
  ...committee,
});

export const committeeFromItem = (item: Record<string, unknown>): CommitteeRecord => ({
  id: item.id as string,
  network: item.network as string,
  date: item.date as string,
  ...(item.time ? { time: item.time as string } : {}),
  ...(item.place ? { place: item.place as string } : {}),
  createdAt: item.createdAt as string,
  createdBy: item.createdBy as CommitteeRecord['createdBy'],
  decisions: (item.decisions as CommitteeDecisionRecord[] | undefined) ?? [],
});
