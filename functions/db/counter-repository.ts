import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client.ts';
import { counterKeys } from './entities/counter.ts';
import { isConditionFailure } from './put-if-absent.ts';

export interface CounterRepository {
  /** The next number of this sequence, starting at 1: never the same twice, even under concurrency. */
  next(kind: string, scope: string, year: number): Promise<number>;
  /** Raises the sequence to `value` unless it is already there or past it: imported references are then never issued again. */
  atLeast(kind: string, scope: string, year: number, value: number): Promise<void>;
}

export const counterRepository = (client: DocumentClient, tableName: string): CounterRepository => ({
  async next(kind, scope, year) {
    const { Attributes } = await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: counterKeys.of(kind, scope, year),
        UpdateExpression: 'ADD #value :one SET entity = :entity',
        ExpressionAttributeNames: { '#value': 'value' },
        ExpressionAttributeValues: { ':one': 1, ':entity': 'counter' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Attributes?.value as number;
  },

  async atLeast(kind, scope, year, value) {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: counterKeys.of(kind, scope, year),
          UpdateExpression: 'SET #value = :value, entity = :entity',
          ConditionExpression: 'attribute_not_exists(#value) OR #value < :value',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':value': value, ':entity': 'counter' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
});
