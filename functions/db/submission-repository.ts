import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import type { HistoryEntry } from '../domain/applications/lifecycle.ts';
import { anonymisationDueAt } from '../domain/privacy/retention.ts';
import type { DocumentClient } from './client.ts';
import { retentionMarkToItem } from './entities/retention-mark.ts';
import {
  networkStatusKey,
  noteFromItem,
  noteToItem,
  noticeQueue,
  type StaffNote,
  type StoredSubmission,
  type SubmissionKeys,
  submissionFromItem,
  submissionToItem,
} from './entities/submission.ts';
import {
  dueQuery,
  type ItemKey,
  indexQuery,
  keyAttributes,
  partitionOf,
  partitionQuery,
  sortOf,
} from './keys.ts';
import { isConditionFailure, putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface PendingNotice {
  reference: string;
  version: number;
}

export interface SubmissionRepository<T> {
  /**
   * One conditional write: the record with its first history line (and its `personKey`); beside it,
   * its retention mark, due three years after receipt.
   */
  create(submission: StoredSubmission<T>): Promise<void>;
  /** The record's key, for a mail queued beside it to await it. */
  keyOf(reference: string): ItemKey;
  get(reference: string): Promise<{ submission: StoredSubmission<T>; notes: StaffNote[] } | undefined>;
  /** Which of these references are stored, and where each came from: a hundred per round trip. */
  sourcesOf(references: readonly string[]): Promise<Map<string, StoredSubmission<T>['source']>>;
  listByNetworkAndStatus(
    network: string,
    status: string,
    received?: { from: string; to: string },
  ): Promise<StoredSubmission<T>[]>;
  /**
   * The new status and its history line in one write, only if the version is still `expected`;
   * answers the stored submission after the move, or `{ stale }` with the current one.
   * `notify` marks the SME's mail as owed in the same write (see `noticeQueue`).
   */
  move(
    target: { reference: string; network: string },
    expected: number,
    entry: HistoryEntry,
    options: { notify: boolean },
  ): Promise<{ moved: StoredSubmission<T> } | { stale: StoredSubmission<T> | undefined }>;
  /** Clears the owed-mail mark once the mail is queued; a later move's mark is left alone. */
  clearNotice(reference: string, version: number): Promise<void>;
  /** Owed mails whose mark is older than `before`: what a crash left behind. */
  listNoticesDue(before: Date, limit: number): Promise<PendingNotice[]>;
  addNote(reference: string, note: StaffNote): Promise<void>;
  setOpinion(reference: string, opinion: string, now: Date): Promise<boolean>;
}

const listing = tables.data.indexes.byNetworkAndStatus;
const due = tables.data.indexes.byDueDate;

export const submissionRepository = <T>(
  client: DocumentClient,
  tableName: string,
  keys: SubmissionKeys,
): SubmissionRepository<T> => {
  const read = async (reference: string) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.of(reference), ConsistentRead: true }),
    );
    return Item ? submissionFromItem<T>(Item) : undefined;
  };

  return {
    keyOf: (reference) => keys.of(reference),

    async create(submission) {
      const partition = partitionOf(keys.of(submission.reference));
      // Side by side, so the request pays one round trip for both. A mark whose record was never
      // written is dropped by the job. A mark that failed beside a written record is tried once more:
      // failing the request then would make the person send again and be recorded twice.
      const mark = () =>
        putIfAbsent(
          client,
          tableName,
          retentionMarkToItem({
            partition,
            reference: submission.reference,
            kind: keys.entity,
            dueAt: anonymisationDueAt(submission.createdAt),
          }),
        );
      const [record, marked] = await Promise.allSettled([
        putIfAbsent(client, tableName, submissionToItem(keys, submission)),
        mark(),
      ]);
      if (record.status === 'rejected') throw record.reason;
      const created = record.value;
      if (created && marked.status === 'rejected') await mark();
      if (!created) throw new Error(`An item with the key ${partition} already exists`);
    },

    async get(reference) {
      const items = await queryAll(client, {
        TableName: tableName,
        ...partitionQuery(partitionOf(keys.of(reference))),
        ConsistentRead: true,
      });
      const record = items.find((item) => sortOf(item) === sortOf(keys.of(reference)));
      if (!record) return undefined;
      return {
        submission: submissionFromItem<T>(record),
        notes: items.filter((item) => sortOf(item).startsWith(keys.notePrefix)).map(noteFromItem),
      };
    },

    async sourcesOf(references) {
      const found = new Map<string, StoredSubmission<T>['source']>();
      for (let start = 0; start < references.length; start += 100) {
        let pending: Record<string, unknown>[] | undefined = references
          .slice(start, start + 100)
          .map((reference) => keys.of(reference));
        // DynamoDB may leave keys unprocessed under load: asked again until none is left.
        for (let attempt = 0; pending && pending.length > 0 && attempt < 10; attempt++) {
          const answer: BatchGetCommandOutput = await client.send(
            new BatchGetCommand({
              RequestItems: {
                [tableName]: {
                  Keys: pending,
                  ProjectionExpression: '#reference, #source',
                  ExpressionAttributeNames: { '#reference': 'reference', '#source': 'source' },
                },
              },
            }),
          );
          for (const item of answer.Responses?.[tableName] ?? []) {
            found.set(
              item.reference as string,
              (item.source as StoredSubmission<T>['source'] | undefined) ?? 'public-form',
            );
          }
          pending = answer.UnprocessedKeys?.[tableName]?.Keys;
        }
        if (pending && pending.length > 0)
          throw new Error('DynamoDB left keys unprocessed ten times in a row');
      }
      return found;
    },

    async listByNetworkAndStatus(network, status, received) {
      const query = indexQuery('byNetworkAndStatus', networkStatusKey(keys.entity, network, status));
      const items = await queryAll(client, {
        TableName: tableName,
        ...query,
        // Received between two instants, both included: the index's sort key is `createdAt`.
        ...(received
          ? {
              KeyConditionExpression: `${query.KeyConditionExpression} AND #created BETWEEN :from AND :to`,
              ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#created': listing.sortKey },
              ExpressionAttributeValues: {
                ...query.ExpressionAttributeValues,
                ':from': received.from,
                ':to': received.to,
              },
            }
          : {}),
      });
      return items.map((item) => submissionFromItem<T>(item));
    },

    async move({ reference, network }, expected, entry, { notify }) {
      const sets = [
        '#status = :to',
        '#listing = :listing',
        'version = :next',
        'updatedAt = :at',
        'history = list_append(if_not_exists(history, :empty), :entry)',
      ];
      const names: Record<string, string> = { '#status': 'status', '#listing': listing.partitionKey };
      const values: Record<string, unknown> = {
        ':to': entry.to,
        ':next': expected + 1,
        ':expected': expected,
        ':at': entry.at,
        ':entry': [entry],
        ':empty': [],
        ':listing': networkStatusKey(keys.entity, network, entry.to),
      };
      if (entry.committee) {
        sets.push('committee = :committee');
        values[':committee'] = entry.committee;
      }
      if (notify) {
        sets.push('#queue = :queue', '#due = :at', 'notice = :notice');
        names['#queue'] = due.partitionKey;
        names['#due'] = due.sortKey;
        values[':queue'] = noticeQueue;
        values[':notice'] = { version: expected + 1 };
      }
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.of(reference),
            UpdateExpression: `SET ${sets.join(', ')}`,
            // Records kept from before versions existed read as version 1.
            ConditionExpression:
              expected === 1 ? 'version = :expected OR attribute_not_exists(version)' : 'version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { moved: submissionFromItem<T>(Attributes ?? {}) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { stale: await read(reference) };
      }
    },

    async clearNotice(reference, version) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.of(reference),
            UpdateExpression: 'REMOVE #queue, #due, notice',
            ConditionExpression: 'notice.version = :version',
            ExpressionAttributeNames: { '#queue': due.partitionKey, '#due': due.sortKey },
            ExpressionAttributeValues: { ':version': version },
          }),
        );
      } catch (error) {
        // A later move owes its own mail: its mark stays.
        if (!isConditionFailure(error)) throw error;
      }
    },

    async listNoticesDue(before, limit) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...dueQuery(noticeQueue, before.toISOString()),
          Limit: limit,
        }),
      );
      return Items.map((item) => ({
        reference: item.reference as string,
        version: (item.notice as { version: number }).version,
      }));
    },

    async addNote(reference, note) {
      await putIfAbsent(client, tableName, noteToItem(keys, reference, note));
    },

    async setOpinion(reference, opinion, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.of(reference),
            UpdateExpression: 'SET opinion = :opinion, updatedAt = :at',
            ConditionExpression: 'attribute_exists(#partition)',
            ExpressionAttributeNames: { '#partition': keyAttributes.partition },
            ExpressionAttributeValues: { ':opinion': opinion, ':at': now.toISOString() },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
};
