import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
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

/** The same tables as the CDK data stack, from the same definitions; existing ones are kept. */
export const ensureTables = async (
  endpoint: string,
  physicalName: (definition: TableDefinition) => string,
) => {
  const client = localDynamoDbClient(endpoint);
  try {
    for (const definition of Object.values(tables) as TableDefinition[]) {
      const TableName = physicalName(definition);
      try {
        await client.send(new DescribeTableCommand({ TableName }));
        continue;
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
      const indexes = Object.entries(definition.indexes);
      const attributes = new Set([
        definition.partitionKey,
        definition.sortKey,
        ...indexes.flatMap(([, index]) => [index.partitionKey, index.sortKey]),
      ]);
      await client.send(
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
    }
  } finally {
    client.destroy();
  }
};
