import { tables } from '../../shared/tables.ts';

/**
 * The data table's key and index attribute names, read from shared/tables.ts so that no repository
 * repeats `pk`, `sk` or an index name.
 */
const { partitionKey, sortKey } = tables.data;
type KeyNames = typeof partitionKey | typeof sortKey;

export type ItemKey = Readonly<Record<KeyNames, string>>;

export const itemKey = (partition: string, sort: string): ItemKey =>
  ({ [partitionKey]: partition, [sortKey]: sort }) as ItemKey;

export const partitionOf = (key: ItemKey): string => key[partitionKey];
export const sortOf = (key: ItemKey | Record<string, unknown>): string => String(key[sortKey]);

export type IndexName = keyof typeof tables.data.indexes;

/** `#pk = :pk`, with the names filled in, for a Query on the table's own key. */
export const partitionQuery = (partition: string) => ({
  KeyConditionExpression: '#partition = :partition',
  ExpressionAttributeNames: { '#partition': partitionKey },
  ExpressionAttributeValues: { ':partition': partition },
});

/** A Query on one partition of an index. */
export const indexQuery = (index: IndexName, partition: string) => ({
  IndexName: index,
  KeyConditionExpression: '#partition = :partition',
  ExpressionAttributeNames: { '#partition': tables.data.indexes[index].partitionKey },
  ExpressionAttributeValues: { ':partition': partition } as Record<string, unknown>,
});

export const expiryAttribute = tables.data.timeToLiveAttribute;
export const keyAttributes = { partition: partitionKey, sort: sortKey } as const;

/**
 * The work of one job's queue that is due by `upTo` (an ISO date or day), on the sparse byDueDate
 * index: what a job reads follows what is due, never the size of the table.
 */
export const dueQuery = (queue: string, upTo: string) => {
  const query = indexQuery('byDueDate', queue);
  return {
    ...query,
    KeyConditionExpression: `${query.KeyConditionExpression} AND #due <= :upTo`,
    ExpressionAttributeNames: {
      ...query.ExpressionAttributeNames,
      '#due': tables.data.indexes.byDueDate.sortKey,
    },
    ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':upTo': upTo },
  };
};

/** The attributes that place an item on a job's queue of byDueDate (only items awaiting work carry them). */
export const dueAttributes = {
  queue: tables.data.indexes.byDueDate.partitionKey,
  due: tables.data.indexes.byDueDate.sortKey,
} as const;
