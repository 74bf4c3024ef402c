import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Competence } from '../../shared/catalogue.ts';
import { toPublicCompetences } from '../../shared/public-competences.ts';
import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';
import {
  type DirectoryKind,
  type DirectoryRecords,
  directoryFromItem,
  directoryKey,
  directoryKinds,
  directoryToItem,
  networkPartition,
} from './entities/directory.ts';
import { partitionQuery } from './keys.ts';
import { conditionalPut, type WriteCondition } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface DirectoryStore<T> {
  /** Every record of the kind in the network, retired ones included. */
  list(network: string): Promise<T[]>;
  get(network: string, id: string): Promise<T | undefined>;
  /** Writes a new record (version 1); false when the id is taken. */
  create(record: T, index?: IndexAttributes): Promise<boolean>;
  /** Writes a changed record whose version is one more than the stored one; false when someone else changed it first. */
  save(record: T, index?: IndexAttributes): Promise<boolean>;
}

/** What the item carries for an index beside the record itself (the byPerson key of the address it holds). */
export interface IndexAttributes {
  personKey?: string;
}

const store = <K extends DirectoryKind>(
  client: DocumentClient,
  tableName: string,
  kind: K,
): DirectoryStore<DirectoryRecords[K]> => {
  const put = (record: DirectoryRecords[K], index: IndexAttributes | undefined, condition: WriteCondition) =>
    conditionalPut(client, tableName, { ...directoryToItem(kind, record), ...index }, condition);
  return {
    async list(network) {
      const query = partitionQuery(networkPartition(network));
      const items = await queryAll(client, {
        TableName: tableName,
        ...query,
        KeyConditionExpression: `${query.KeyConditionExpression} AND begins_with(#sort, :prefix)`,
        ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#sort': tables.data.sortKey },
        ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':prefix': directoryKinds[kind] },
      });
      return items.map((item) => directoryFromItem<K>(item));
    },

    async get(network, id) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: directoryKey(kind, network, id) }),
      );
      return Item ? directoryFromItem<K>(Item) : undefined;
    },

    create: (record, index) => put(record, index, { expression: 'attribute_not_exists(#key)' }),

    // A record from before versions (a competence of an older local table) reads as version 0.
    save: (record, index) =>
      record.version === 1
        ? put(record, index, {
            expression: 'attribute_exists(#key) AND attribute_not_exists(#version)',
            names: { '#version': 'version' },
          })
        : put(record, index, {
            expression: 'attribute_exists(#key) AND #version = :expected',
            names: { '#version': 'version' },
            values: { ':expected': record.version - 1 },
          }),
  };
};

export interface DirectoryRepository {
  partners: DirectoryStore<DirectoryRecords['partner']>;
  volunteers: DirectoryStore<DirectoryRecords['volunteer']>;
  competences: DirectoryStore<DirectoryRecords['competence']>;
}

export const directoryRepository = (client: DocumentClient, tableName: string): DirectoryRepository => ({
  partners: store(client, tableName, 'partner'),
  volunteers: store(client, tableName, 'volunteer'),
  competences: store(client, tableName, 'competence'),
});

/** What the public reads of a network's catalogue: two Queries side by side, competences and partners. */
export interface CompetenceRepository {
  /**
   * The competences offered today (active, by at least one active partner), partners by name.
   * `fresh`: for a caller holding a kept copy (see functions/wiring), read again rather than reuse it.
   */
  listByNetwork(networkId: string, options?: { fresh?: boolean }): Promise<Competence[]>;
}

/** What staff read of the competences an application names: every label, retired competences included. */
export interface CompetenceLabels {
  labels(networkId: string): Promise<ReadonlyMap<string, string>>;
}

// Apart from the public view, so the back office's functions do not bundle what builds it.
export const competenceLabelReader = (client: DocumentClient, tableName: string): CompetenceLabels => {
  const competences = store(client, tableName, 'competence');
  return {
    async labels(networkId) {
      const records = await competences.list(networkId);
      return new Map(records.map((competence) => [competence.id, competence.label]));
    },
  };
};

export const competenceRepository = (client: DocumentClient, tableName: string): CompetenceRepository => {
  const directory = directoryRepository(client, tableName);
  return {
    async listByNetwork(networkId) {
      const [competences, partners] = await Promise.all([
        directory.competences.list(networkId),
        directory.partners.list(networkId),
      ]);
      return toPublicCompetences(competences, partners);
    },
  };
};
