import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import { referencePattern, referencePrefixes } from '../domain/public-forms/reference.ts';
import type { DocumentClient } from './client.ts';
import { applicationKeys } from './entities/application.ts';
import { contactMessageKeys } from './entities/contact-message.ts';
import { partnerOfferKeys } from './entities/partner-offer.ts';
import {
  type RetentionMark,
  retentionMarkFromItem,
  retentionMarkOf,
  retentionMarkToItem,
  retentionQueue,
} from './entities/retention-mark.ts';
import { networkEntityKey, type SubmissionKeys } from './entities/submission.ts';
import { isExpired } from './expiry.ts';
import { dueQuery, indexQuery, itemKey, keyAttributes, partitionOf, partitionQuery } from './keys.ts';
import { isConditionFailure } from './put-if-absent.ts';
import { queryAll } from './query.ts';

type Item = Record<string, unknown>;

/**
 * What the person export, the erasure on request and the retention job read and write: items as
 * stored, whatever their kind, so that a kind added later (missions) is found and handled through
 * the rules of functions/domain/privacy without a change here.
 */
export interface PrivacyRepository {
  /** The partition of the application, offer or message with this reference; undefined for no reference. */
  recordPartition(reference: string): string | undefined;
  /** Every record holding this person's address: one Query on byPerson, all pages. */
  findByPerson(personKey: string, now: Date): Promise<Item[]>;
  /** The partition an item lives in. */
  partitionOfItem(item: Item): string;
  /** Every item of one partition (a record and its notes, missions…), read consistently. */
  partition(partition: string, now: Date): Promise<Item[]>;
  /**
   * The missions a volunteer ran or runs, as stored: one Query on byNetworkAndUpdate for the
   * network's missions (all pages), kept by `volunteerId` in DynamoDB's filter. It reads every mission
   * of the network, no Scan: a network holds hundreds of missions, and a person asks rarely.
   */
  missionsOfVolunteer(network: string, volunteerId: string, now: Date): Promise<Item[]>;
  /**
   * The record's anonymised attributes, its audit line, `personKey` and `opinion` removed, in one
   * write on condition that the version is still `expected` and that it was never anonymised.
   */
  anonymiseRecord(
    record: Item,
    expected: number,
    changes: { set: Item; remove: readonly string[] },
  ): Promise<'done' | 'stale'>;
  /** One item of the partition rewritten (a note's text emptied), if it still exists. */
  rewrite(item: Item, changes: { set: Item; remove: readonly string[] }): Promise<void>;
  /** Retention marks due by `now`, oldest first, one page of at most `limit`. */
  retentionDue(now: Date, limit: number): Promise<RetentionMark[]>;
  postponeRetention(mark: RetentionMark, dueAt: string): Promise<void>;
  /** Writes (or rewrites) a record's mark, whether it had one or not (records from before marks). */
  setRetention(mark: RetentionMark): Promise<void>;
  dropRetention(partition: string): Promise<void>;
}

const due = tables.data.indexes.byDueDate;
const person = tables.data.indexes.byPerson;

const keyOf = (item: Item) =>
  itemKey(String(item[keyAttributes.partition]), String(item[keyAttributes.sort]));

const updateExpression = (changes: { set: Item; remove: readonly string[] }, extraSets: string[] = []) => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = [...extraSets];
  Object.entries(changes.set).forEach(([name, value], index) => {
    names[`#s${index}`] = name;
    values[`:s${index}`] = value;
    sets.push(`#s${index} = :s${index}`);
  });
  const removes = changes.remove.map((name, index) => {
    names[`#r${index}`] = name;
    return `#r${index}`;
  });
  return {
    UpdateExpression: [
      sets.length ? `SET ${sets.join(', ')}` : '',
      removes.length ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    names,
    values,
  };
};

const keysByPrefix: Record<string, SubmissionKeys> = {
  [referencePrefixes.application]: applicationKeys,
  [referencePrefixes.partnerOffer]: partnerOfferKeys,
  [referencePrefixes.contactMessage]: contactMessageKeys,
};

export const privacyRepository = (client: DocumentClient, tableName: string): PrivacyRepository => ({
  recordPartition(reference) {
    const prefix = referencePattern.exec(reference)?.[1];
    const keys = prefix ? keysByPrefix[prefix] : undefined;
    return keys ? partitionOf(keys.of(reference)) : undefined;
  },

  partitionOfItem: (item) => String(item[keyAttributes.partition]),

  async findByPerson(personKey, now) {
    const items = await queryAll(client, { TableName: tableName, ...indexQuery('byPerson', personKey) });
    return items.filter((item) => !isExpired(item, now));
  },

  async partition(partition, now) {
    const items = await queryAll(client, {
      TableName: tableName,
      ...partitionQuery(partition),
      ConsistentRead: true,
    });
    return items.filter((item) => !isExpired(item, now));
  },

  async missionsOfVolunteer(network, volunteerId, now) {
    const query = indexQuery('byNetworkAndUpdate', networkEntityKey('mission', network));
    const items = await queryAll(client, {
      TableName: tableName,
      ...query,
      FilterExpression: '#volunteer = :volunteer',
      ExpressionAttributeNames: { ...query.ExpressionAttributeNames, '#volunteer': 'volunteerId' },
      ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':volunteer': volunteerId },
    });
    return items.filter((item) => !isExpired(item, now));
  },

  async anonymiseRecord(record, expected, changes) {
    // The person can no longer be found, and no mail owed by an earlier move goes out to them.
    const { UpdateExpression, names, values } = updateExpression(
      {
        set: changes.set,
        remove: [...changes.remove, person.partitionKey, due.partitionKey, due.sortKey, 'notice'],
      },
      ['version = :next'],
    );
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(record),
          UpdateExpression,
          // Records kept from before versions existed read as version 1.
          ConditionExpression: `attribute_not_exists(anonymisation) AND (${
            expected === 1 ? 'version = :expected OR attribute_not_exists(version)' : 'version = :expected'
          })`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':next': expected + 1, ':expected': expected },
        }),
      );
      return 'done';
    } catch (error) {
      if (isConditionFailure(error)) return 'stale';
      throw error;
    }
  },

  async rewrite(item, changes) {
    const { UpdateExpression, names, values } = updateExpression(changes);
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(item),
          UpdateExpression,
          ConditionExpression: 'attribute_exists(#partition)',
          ExpressionAttributeNames: { ...names, '#partition': keyAttributes.partition },
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      );
    } catch (error) {
      // Deleted in the meantime: nothing left to anonymise.
      if (!isConditionFailure(error)) throw error;
    }
  },

  async retentionDue(now, limit) {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        ...dueQuery(retentionQueue, now.toISOString()),
        Limit: limit,
      }),
    );
    return Items.map(retentionMarkFromItem);
  },

  async postponeRetention(mark, dueAt) {
    await client
      .send(
        new UpdateCommand({
          TableName: tableName,
          Key: retentionMarkOf(mark.partition),
          UpdateExpression: 'SET #due = :due',
          ConditionExpression: 'attribute_exists(#partition)',
          ExpressionAttributeNames: { '#due': due.sortKey, '#partition': keyAttributes.partition },
          ExpressionAttributeValues: { ':due': dueAt },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  },

  async setRetention(mark) {
    await client.send(new PutCommand({ TableName: tableName, Item: retentionMarkToItem(mark) }));
  },

  async dropRetention(partition) {
    await client.send(new DeleteCommand({ TableName: tableName, Key: retentionMarkOf(partition) }));
  },
});
