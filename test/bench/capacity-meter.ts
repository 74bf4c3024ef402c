import type { DocumentClient } from '../../functions/db/client.ts';

/**
 * Counts the capacity units DynamoDB (here dynalite) says each call consumed, by asking every call
 * sent through `client` for them (`ReturnConsumedCapacity: TOTAL`). Attached to the functions' own
 * client, it measures a job as it runs, with no change to the job: the bench's meter, never a test's.
 */
const reads = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand']);

export interface CapacityTally {
  readUnits: number;
  writeUnits: number;
  calls: Record<string, number>;
}

type Consumed = { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
const unitsOf = (consumed: Consumed) =>
  [consumed ?? []].flat().reduce((total, entry) => total + (entry.CapacityUnits ?? 0), 0);

export const meterCapacity = (client: DocumentClient): CapacityTally => {
  const tally: CapacityTally = { readUnits: 0, writeUnits: 0, calls: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const command = context.commandName ?? '?';
      tally.calls[command] = (tally.calls[command] ?? 0) + 1;
      const units = unitsOf((result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity);
      if (reads.has(command)) tally.readUnits += units;
      else tally.writeUnits += units;
      return result;
    },
    // Before the request is serialised: the input is the marshalled one, still open to change.
    { step: 'serialize', priority: 'high', name: 'benchCapacityMeter' },
  );
  return tally;
};

/** What a full Scan of the table costs, the figure a job that Scanned would pay on every run. */
export const fullScanReadUnits = async (client: DocumentClient, tableName: string) => {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  let units = 0;
  let items = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        ReturnConsumedCapacity: 'TOTAL',
        ExclusiveStartKey: start,
      }),
    );
    units += page.ConsumedCapacity?.CapacityUnits ?? 0;
    items += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return { units, items };
};
