/**
 * The DynamoDB tables, described once: the CDK data stack creates them from this,
 * the local cloud creates the same tables in dynalite, and the repositories build keys from it.
 */
export interface IndexDefinition {
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface TableDefinition {
  /** Construct id in CDK and table name suffix in the local cloud. */
  readonly id: string;
  /** Environment variable through which a function learns the physical table name. */
  readonly envVar: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  /** Attribute holding an epoch-seconds expiry; readers must still filter, since dynalite never deletes. */
  readonly timeToLiveAttribute?: string;
  readonly indexes: Readonly<Record<string, IndexDefinition>>;
}

export const tables = {
  /** Every business entity lives here (all key attributes are strings), each one owning its key builders (functions/db/entities). */
  data: {
    id: 'Data',
    envVar: 'DATA_TABLE_NAME',
    partitionKey: 'pk',
    sortKey: 'sk',
    timeToLiveAttribute: 'expiresAt',
    indexes: {
      /** Sparse: only records waiting for a job carry `dueQueue`, so a job reads just the work that is due. */
      byDueDate: { partitionKey: 'dueQueue', sortKey: 'dueAt' },
      /**
       * What the back office lists: the submissions of one network in one status, oldest first
       * (`networkStatus` is `<entity>#<network>#<status>`, e.g. `application#indre#received`).
       */
      byNetworkAndStatus: { partitionKey: 'networkStatus', sortKey: 'createdAt' },
      /**
       * Everything held about one person: each record holding an e-mail address carries `personKey`,
       * a keyed hash of the normalised address (functions/domain/privacy/person-key.ts), never the address.
       */
      byPerson: { partitionKey: 'personKey', sortKey: 'createdAt' },
      /**
       * What changed lately in a network: every application and mission carries `networkEntity`
       * (`<entity>#<network>`, e.g. `application#indre`), sorted by its last write, so that the monthly
       * statistics read the months asked for and never the years before them.
       */
      byNetworkAndUpdate: { partitionKey: 'networkEntity', sortKey: 'updatedAt' },
    },
  },
} as const satisfies Record<string, TableDefinition>;

/**
 * What the table adds to a record for its keys, its indexes' partitions, its job queues and its expiry:
 * bookkeeping, never something a person gave (the person export leaves them out).
 */
export const storageAttributes: ReadonlySet<string> = new Set([
  tables.data.partitionKey,
  tables.data.sortKey,
  tables.data.timeToLiveAttribute,
  ...Object.values(tables.data.indexes).map((index) => index.partitionKey),
  tables.data.indexes.byDueDate.sortKey,
]);

export type TableName = keyof typeof tables;
export type TableAccess = 'read' | 'readWrite';
