import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';
import { type AuditEntry, auditFromItem, auditKeys, auditToItem } from './entities/audit-entry.ts';
import {
  networkStatusKey,
  type StoredSubmission,
  type SubmissionKeys,
  type SubmissionStatus,
  submissionFromItem,
  submissionToItem,
} from './entities/submission.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface SubmissionRepository<T> {
  /**
   * Writes the submission, then its first audit entry: two single-item conditional writes (no
   * transaction in dynalite). A submission without its audit line is possible if the function dies
   * in between; the record, which matters most, is written first.
   */
  create(submission: StoredSubmission<T>, actor: string): Promise<void>;
  get(reference: string): Promise<{ submission: StoredSubmission<T>; history: AuditEntry[] } | undefined>;
  listByNetworkAndStatus(network: string, status: SubmissionStatus): Promise<StoredSubmission<T>[]>;
}

const { partitionKey } = tables.data.indexes.byNetworkAndStatus;

export const submissionRepository = <T>(
  client: DocumentClient,
  tableName: string,
  keys: SubmissionKeys,
): SubmissionRepository<T> => {
  const putNew = async (item: Record<string, unknown>) => {
    if (!(await putIfAbsent(client, tableName, item))) {
      throw new Error(`An item with the key ${String(item[tables.data.partitionKey])} already exists`);
    }
  };

  return {
    async create(submission, actor) {
      const owner = keys.of(submission.reference);
      await putNew(submissionToItem(keys, submission));
      await putNew(auditToItem(owner, { event: submission.status, at: submission.createdAt, actor }));
    },

    async get(reference) {
      const items = await queryAll(client, {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.of(reference).pk },
        ConsistentRead: true,
      });
      const record = items.find((item) => item.sk === keys.of(reference).sk);
      if (!record) return undefined;
      return {
        submission: submissionFromItem<T>(record),
        history: items.filter((item) => String(item.sk).startsWith(auditKeys.sortPrefix)).map(auditFromItem),
      };
    },

    async listByNetworkAndStatus(network, status) {
      const items = await queryAll(client, {
        TableName: tableName,
        IndexName: 'byNetworkAndStatus',
        KeyConditionExpression: `${partitionKey} = :key`,
        ExpressionAttributeValues: { ':key': networkStatusKey(keys.entity, network, status) },
      });
      return items
        .map((item) => submissionFromItem<T>(item))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
  };
};
