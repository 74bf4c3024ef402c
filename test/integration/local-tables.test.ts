import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeServer,
  ensureTables,
  localDynamoDbClient,
  startDynamoDb,
} from '../../infra/local/emulators.ts';
import { type TableDefinition, tables } from '../../shared/tables.ts';

/**
 * A `.local/` made before an index was added to shared/tables.ts: `npm start` after `git pull`
 * must give it the new index and keep its data, since dynalite cannot add an index to a table.
 */
let server: Awaited<ReturnType<typeof startDynamoDb>>;
let client: DynamoDBClient;

beforeAll(async () => {
  server = await startDynamoDb(0);
  client = localDynamoDbClient(server.endpoint);
});
afterAll(async () => {
  client.destroy();
  await closeServer(server.server);
});

/** The data table as it was before `byPerson`: the same keys, its two older indexes. */
const createOldTable = async (TableName: string) => {
  const { byDueDate, byNetworkAndStatus } = tables.data.indexes;
  const old = { byDueDate, byNetworkAndStatus };
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'dueQueue', 'dueAt', 'networkStatus', 'createdAt'].map(
        (AttributeName) => ({
          AttributeName,
          AttributeType: 'S',
        }),
      ),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Object.entries(old).map(([IndexName, index]) => ({
        IndexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
};

const indexNames = async (TableName: string) =>
  ((await client.send(new DescribeTableCommand({ TableName }))).Table?.GlobalSecondaryIndexes ?? [])
    .map((index) => index.IndexName)
    .sort();

const application = (n: number) => ({
  pk: { S: `APPLICATION#ALZ-36-2026-${String(n).padStart(4, '0')}` },
  sk: { S: 'APPLICATION' },
  createdAt: { S: `2026-12-01T10:00:${String(n % 60).padStart(2, '0')}.000Z` },
  networkStatus: { S: 'application#indre#received' },
  personKey: { S: n === 7 ? 'la-personne' : `autre-${n}` },
  data: { M: { title: { S: `Projet ${n}` } } },
});

describe('the local tables after an index is added', () => {
  it('are rebuilt with the new index, every item kept and found through it', async () => {
    // Given a local table made with the older indexes, holding more items than one batch
    const named = (definition: TableDefinition) => `rebuild-${definition.id.toLowerCase()}`;
    await createOldTable(named(tables.data));
    for (let n = 1; n <= 60; n++) {
      await client.send(new PutItemCommand({ TableName: named(tables.data), Item: application(n) }));
    }

    // When the local cloud starts on it
    const { rebuilt } = await ensureTables(server.endpoint, named);

    // Then the table has the indexes of shared/tables.ts, its items, and the new index finds them
    expect(rebuilt).toEqual([named(tables.data)]);
    expect(await indexNames(named(tables.data))).toEqual(Object.keys(tables.data.indexes).sort());
    const kept = await client.send(
      new GetItemCommand({
        TableName: named(tables.data),
        Key: { pk: application(42).pk, sk: application(42).sk },
      }),
    );
    expect(kept.Item).toEqual(application(42));
    const found = await client.send(
      new QueryCommand({
        TableName: named(tables.data),
        IndexName: 'byPerson',
        KeyConditionExpression: 'personKey = :key',
        ExpressionAttributeValues: { ':key': { S: 'la-personne' } },
      }),
    );
    expect(found.Items?.map((item) => item.pk?.S)).toEqual(['APPLICATION#ALZ-36-2026-0007']);
    const names = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    expect(names.filter((name) => name.startsWith('rebuild-'))).toEqual([named(tables.data)]);

    // And a second start leaves it alone
    expect((await ensureTables(server.endpoint, named)).rebuilt).toEqual([]);
  });

  it('finishes a rebuild a stop cut short, from the holding table', async () => {
    // Given a start stopped after the old table was dropped: only the holding copy is left
    const named = (definition: TableDefinition) => `cut-${definition.id.toLowerCase()}`;
    const holding = `${named(tables.data)}.rebuild`;
    await createOldTable(holding);
    await client.send(new PutItemCommand({ TableName: holding, Item: application(7) }));

    // When the local cloud starts again
    await ensureTables(server.endpoint, named);

    // Then the table is there with its item, and the holding copy is gone
    const kept = await client.send(
      new GetItemCommand({
        TableName: named(tables.data),
        Key: { pk: application(7).pk, sk: application(7).sk },
      }),
    );
    expect(kept.Item).toEqual(application(7));
    const names = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    expect(names.filter((name) => name.startsWith('cut-'))).toEqual([named(tables.data)]);
  });
});
