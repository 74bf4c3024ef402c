import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';

export const isConditionFailure = (error: unknown): boolean =>
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

/**
 * Writes an item unless one with its key exists, in one conditional write (dynalite has no
 * transactions): answers whether it wrote. The key attribute comes from shared/tables.ts.
 */
export const putIfAbsent = async (
  client: DocumentClient,
  tableName: string,
  item: Record<string, unknown>,
): Promise<boolean> => {
  try {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(#key)',
        ExpressionAttributeNames: { '#key': tables.data.partitionKey },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};
