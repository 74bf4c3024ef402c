import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client.ts';
import {
  type CommitteeDecisionRecord,
  type CommitteeRecord,
  committeeFromItem,
  committeeKeys,
  committeeToItem,
  parseCommitteeId,
} from './entities/committee.ts';
import { keyAttributes, partitionQuery } from './keys.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface CommitteeRepository {
  /** False when the network already has a committee that day. */
  create(committee: CommitteeRecord): Promise<boolean>;
  get(id: string): Promise<CommitteeRecord | undefined>;
  /** A network's committees, in date order. */
  listByNetwork(network: string): Promise<CommitteeRecord[]>;
  /** A network's committees from one day to another (both included), read by a sort-key range. */
  listBetween(network: string, from: string, to: string): Promise<CommitteeRecord[]>;
  recordDecision(id: string, decision: CommitteeDecisionRecord): Promise<void>;
}

export const committeeRepository = (client: DocumentClient, tableName: string): CommitteeRepository => ({
  create: (committee) => putIfAbsent(client, tableName, committeeToItem(committee)),

  async get(id) {
    const parsed = parseCommitteeId(id);
    if (!parsed) return undefined;
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: committeeKeys.of(parsed.network, parsed.date) }),
    );
    return Item ? committeeFromItem(Item) : undefined;
  },

  async listByNetwork(network) {
    const items = await queryAll(client, {
      TableName: tableName,
      ...partitionQuery(committeeKeys.partition(network)),
    });
    return items.map(committeeFromItem);
  },

  async listBetween(network, from, to) {
    const query = partitionQuery(committeeKeys.partition(network));
    const items = await queryAll(client, {
      TableName: tableName,
      ...query,
      KeyConditionExpression: `${query.KeyConditionExpression} AND #sort BETWEEN :from AND :to`,
      ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#sort': keyAttributes.sort },
      ExpressionAttributeValues: {
        ...query.ExpressionAttributeValues,
        ':from': committeeKeys.of(network, from)[keyAttributes.sort],
        ':to': committeeKeys.of(network, to)[keyAttributes.sort],
      },
    });
    return items.map(committeeFromItem);
  },

  async recordDecision(id, decision) {
    const parsed = parseCommitteeId(id);
    if (!parsed) return;
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: committeeKeys.of(parsed.network, parsed.date),
        UpdateExpression: 'SET decisions = list_append(decisions, :decision)',
        ExpressionAttributeValues: { ':decision': [decision] },
      }),
    );
  },
});
