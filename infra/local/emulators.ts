import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  paginateScan,
  ResourceNotFoundException,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { type TableDefinition, tables } from '../../shared/tables.ts';

/** The AWS services the functions use, as local emulators running in this process. */

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    // Keep-alive sockets of the SDK clients would otherwise hold the server open.
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** dynalite, persisted in `path` (in memory without one), with no delay on table creation. */
export const startDynamoDb = async (port: number, path?: string) => {
  const server: Server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(path ? { path } : {}),
  });
  const actualPort = await listen(server, port);
  return { server, endpoint: `http://127.0.0.1:${actualPort}` };
};

// A CommonJS module whose function is its `default` export; Node and Vite disagree on how to
// import that, and require() reads it the same way under both.
const startSesServer: typeof import('aws-ses-v2-local').default = createRequire(import.meta.url)(
  'aws-ses-v2-local',
).default;

/** aws-ses-v2-local: keeps sent mail in memory and shows it in its viewer. */
export const startSes = async (port: number) => {
  const server = await startSesServer({ host: '127.0.0.1', port });
  const actualPort = (server.address() as AddressInfo).port;
  return { server, endpoint: `http://127.0.0.1:${actualPort}` };
};

/** Local clients need no real credentials, only some, and a region. */
export const localDynamoDbClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

const createTable = (client: DynamoDBClient, TableName: string, definition: TableDefinition) => {
  const indexes = Object.entries(definition.indexes);
  const attributes = new Set([
    definition.partitionKey,
    definition.sortKey,
    ...indexes.flatMap(([, index]) => [index.partitionKey, index.sortKey]),
  ]);
  return client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((AttributeName) => ({
        AttributeName,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: definition.partitionKey, KeyType: 'HASH' },
        { AttributeName: definition.sortKey, KeyType: 'RANGE' },
      ],
      ...(indexes.length > 0
        ? {
            GlobalSecondaryIndexes: indexes.map(([IndexName, index]) => ({
              IndexName,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
                { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
              ],
              Projection: { ProjectionType: 'ALL' as const },
            })),
          }
        : {}),
    }),
  );
};

const describe = async (client: DynamoDBClient, TableName: string) => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/** `byDueDate(dueQueue,dueAt)|…`, sorted: two tables with the same signature have the same indexes. */
const indexSignature = (indexes: { name: string; keys: string[] }[]) =>
  indexes
    .map(({ name, keys }) => `${name}(${keys.join(',')})`)
    .sort()
    .join('|');

const wantedIndexes = (definition: TableDefinition) =>
  indexSignature(
    Object.entries(definition.indexes).map(([name, index]) => ({
      name,
      keys: [index.partitionKey, index.sortKey],
    })),
  );

const actualIndexes = (table: TableDescription) =>
  indexSignature(
    (table.GlobalSecondaryIndexes ?? []).map((index) => ({
      name: index.IndexName ?? '',
      keys: (index.KeySchema ?? []).map((key) => key.AttributeName ?? ''),
    })),
  );

/** Every item of one table into another, as stored: local setup only, where a Scan is fine. */
const copyItems = async (client: DynamoDBClient, from: string, to: string) => {
  let copied = 0;
  for await (const page of paginateScan({ client }, { TableName: from, ConsistentRead: true })) {
    const items = page.Items ?? [];
    for (let start = 0; start < items.length; start += 25) {
      let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [to]: requests } }),
        );
        requests = (UnprocessedItems?.[to] ?? []) as typeof requests;
      }
    }
    copied += items.length;
  }
  return copied;
};

const deleteTable = async (client: DynamoDBClient, TableName: string) => {
  await client.send(new DeleteTableCommand({ TableName }));
};

/**
 * The same tables as the CDK data stack, from the same definitions; existing ones keep their items.
 * dynalite cannot add an index to a table (nor can DynamoDB more than one per deployment), so a
 * local table whose indexes differ from shared/tables.ts — an index added by a `git pull` — is
 * rebuilt: its items are copied into a holding table, the table is made anew and the items copied
 * back, so `.local/` keeps its data. A rebuild cut short is finished on the next start, from the
 * holding table, which is dropped only once its items are back.
 */
export const ensureTables = async (
  endpoint: string,
  physicalName: (definition: TableDefinition) => string,
): Promise<{ rebuilt: string[] }> => {
  const client = localDynamoDbClient(endpoint);
  const rebuilt: string[] = [];
  try {
    for (const definition of Object.values(tables) as TableDefinition[]) {
      const TableName = physicalName(definition);
      const holding = `${TableName}.rebuild`;
      const existing = await describe(client, TableName);
      const heldBefore = await describe(client, holding);
      if (existing && !heldBefore && actualIndexes(existing) === wantedIndexes(definition)) continue;
      if (existing) {
        // Copied again after a cut-short start: a put of the same item twice is the same item.
        if (!heldBefore) await createTable(client, holding, { ...definition, indexes: {} });
        await copyItems(client, TableName, holding);
        await deleteTable(client, TableName);
      }
      await createTable(client, TableName, definition);
      if (existing || heldBefore) {
        await copyItems(client, holding, TableName);
        await deleteTable(client, holding);
        rebuilt.push(TableName);
      }
    }
  } finally {
    client.destroy();
  }
  return { rebuilt };
};
