import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';

export const isConditionFailure = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

/** What must hold of the stored item for a write to go ahead: `#key` names the table's partition key. */
export interface WriteCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/**
 * Writes an item only if `condition` holds, in one conditional write (dynalite has no transactions):
 * answers whether it wrote. Every guarded put of the repositories goes through here.
 */
export const conditionalPut = async (
  client: DocumentClient,
  tableName: string,
  item: object,
  condition: WriteCondition,
): Promise<boolean> => {
  const names = {
    ...(condition.expression.includes('#key') ? { '#key': tables.data.partitionKey } : {}),
    ...condition.names,
  };
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: item as Record<string, unknown>,
        ConditionExpression: condition.expression,
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ...(condition.values && Object.keys(condition.values).length > 0
          ? { ExpressionAttributeValues: condition.values }
          : {}),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** Writes an item unless one with its key exists. */
export const putIfAbsent = (client: DocumentClient, tableName: string, item: object) =>
  conditionalPut(client, tableName, item, { expression: 'attribute_not_exists(#key)' });
