import type { ApplicationSource, ApplicationStatus } from '../../../shared/application-lifecycle.ts';
import { tables } from '../../../shared/tables.ts';
import type { HistoryEntry } from '../../domain/applications/lifecycle.ts';
import type { AnonymisationLine } from '../../domain/privacy/anonymisation.ts';
import { itemKey } from '../keys.ts';

/**
 * What every form submission stored has in common (application, partner offer, contact message):
 * its own partition named after its reference, a status with its whole history inside the item
 * (so that a change of status and its audit line are one conditional write, dynalite having no
 * transactions), a version that guards every change, and the attributes of the byNetworkAndStatus
 * index, through which the back office lists a network's submissions.
 */
export type SubmissionEntity = 'application' | 'partner-offer' | 'contact-message';

/** Messages for the national coordination carry this instead of a network id. */
export const nationalNetwork = 'national';

export interface SubmissionKeys {
  readonly entity: SubmissionEntity;
  of(reference: string): ReturnType<typeof itemKey>;
  /** Staff's notes on a submission live in its partition, after the record. */
  note(reference: string, at: string, id: string): ReturnType<typeof itemKey>;
  readonly notePrefix: string;
}

export const submissionKeys = (entity: SubmissionEntity, prefix: string): SubmissionKeys => ({
  entity,
  of: (reference) => itemKey(`${prefix}#${reference}`, prefix),
  note: (reference, at, id) => itemKey(`${prefix}#${reference}`, `NOTE#${at}#${id}`),
  notePrefix: 'NOTE#',
});

export const networkStatusKey = (entity: string, network: string, status: string) =>
  `${entity}#${network}#${status}`;

export interface StoredSubmission<T> {
  reference: string;
  /** Network id, or `national`. */
  network: string;
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  /** Starts at 1; every change adds one, and is written only if the version is still the one read. */
  version: number;
  history: HistoryEntry[];
  source: ApplicationSource;
  /** The committee whose agenda the application is on, or was last on. */
  committee?: { id: string; date: string };
  /** Staff's opinion, printed on the committee's agenda. */
  opinion?: string;
  /**
   * The byPerson index's key: a keyed hash of the person's e-mail (functions/domain/privacy), written
   * with the record, removed when it is anonymised.
   */
  personKey?: string;
  /** Set once, by the write that anonymised the record: who, when and why. */
  anonymisation?: AnonymisationLine;
  data: T;
}

export interface StaffNote {
  id: string;
  at: string;
  author: { id: string; name: string };
  text: string;
}

/**
 * A change whose mail to the SME is owed: set in the same write as the change, cleared once the
 * mail is in the outbox, so a crash in between leaves a trace that the outbox run picks up.
 */
export const noticeQueue = 'applicant-notice';

const listing = tables.data.indexes.byNetworkAndStatus;
const recent = tables.data.indexes.byNetworkAndUpdate;

/** byNetworkAndUpdate's partition: `application#indre`, `mission#indre`. */
export const networkEntityKey = (entity: string, network: string) => `${entity}#${network}`;

export const submissionToItem = <T>(keys: SubmissionKeys, submission: StoredSubmission<T>) => ({
  ...keys.of(submission.reference),
  entity: keys.entity,
  [listing.partitionKey]: networkStatusKey(keys.entity, submission.network, submission.status),
  // Every later change is an update that sets `updatedAt`: the index follows it without being rewritten.
  [recent.partitionKey]: networkEntityKey(keys.entity, submission.network),
  ...submission,
});

export const submissionFromItem = <T>(item: Record<string, unknown>): StoredSubmission<T> => ({
  reference: item.reference as string,
  network: item.network as string,
  status: item.status as ApplicationStatus,
  createdAt: item.createdAt as string,
  updatedAt: (item.updatedAt as string | undefined) ?? (item.createdAt as string),
  version: (item.version as number | undefined) ?? 1,
  history: (item.history as HistoryEntry[] | undefined) ?? [],
  source: (item.source as ApplicationSource | undefined) ?? 'public-form',
  ...(item.committee ? { committee: item.committee as { id: string; date: string } } : {}),
  ...(item.opinion ? { opinion: item.opinion as string } : {}),
  ...(item.personKey ? { personKey: item.personKey as string } : {}),
  ...(item.anonymisation ? { anonymisation: item.anonymisation as AnonymisationLine } : {}),
  data: item.data as T,
});

export const noteToItem = (keys: SubmissionKeys, reference: string, note: StaffNote) => ({
  ...keys.note(reference, note.at, note.id),
  entity: 'staff-note',
  ...note,
});

export const noteFromItem = (item: Record<string, unknown>): StaffNote => ({
  id: item.id as string,
  at: item.at as string,
  author: item.author as StaffNote['author'],
  text: item.text as string,
});
