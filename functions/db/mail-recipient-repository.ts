import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffDigestCadence } from '../../shared/mail-preferences.ts';
import type { MailingList } from '../../shared/mailing-lists.ts';
import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';
import {
  type MailRecipient,
  type MailRecipientLine,
  mailRecipientFromItem,
  mailRecipientKeys,
  type Suppression,
  suppressedListing,
} from './entities/mail-recipient.ts';
import { indexQuery } from './keys.ts';
import { isConditionFailure } from './put-if-absent.ts';
import { queryAll } from './query.ts';

const batchGetLimit = 100;
const { partitionKey: listingKey } = tables.data.indexes.byNetworkAndStatus;

export interface MailRecipientRepository {
  get(recipientKey: string): Promise<MailRecipient | undefined>;
  /** The recipients of one delivery run in one BatchGet per hundred, whatever their number of mails. */
  getMany(recipientKeys: readonly string[]): Promise<Map<string, MailRecipient>>;
  /** One-click: idempotent, a second time changes nothing. */
  optOut(recipientKey: string, list: MailingList, now: Date): Promise<void>;
  /** The first mail of a list to a person: the preferences page then shows that list. */
  noteReceives(recipientKey: string, list: MailingList, now: Date): Promise<void>;
  savePreferences(
    recipientKey: string,
    preferences: { optedOut: MailingList[]; staffDigestCadence: StaffDigestCadence },
    now: Date,
  ): Promise<void>;
  /** Answers false when the address was suppressed already (an event delivered twice). */
  suppress(recipientKey: string, suppression: Suppression, now: Date): Promise<boolean>;
  listSuppressed(): Promise<MailRecipient[]>;
  /** Lifts a suppression on the version staff read: `stale` when it changed meanwhile, `missing` when there is none. */
  lift(recipientKey: string, version: number, by: string, now: Date): Promise<'lifted' | 'stale' | 'missing'>;
}

export const mailRecipientRepository = (
  client: DocumentClient,
  tableName: string,
): MailRecipientRepository => {
  /** Every write names the entity and its key and dates its creation, whichever write comes first. */
  const touch =
    'entity = :entity, recipientKey = :key, createdAt = if_not_exists(createdAt, :now), updatedAt = :now';
  const touchValues = (recipientKey: string, now: Date) => ({
    ':entity': 'mail-recipient',
    ':key': recipientKey,
    ':now': now.toISOString(),
  });
  const get = async (recipientKey: string) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: mailRecipientKeys.of(recipientKey), ConsistentRead: true }),
    );
    return Item ? mailRecipientFromItem(Item) : undefined;
  };
  const addToSet = async (
    recipientKey: string,
    attribute: 'optedOut' | 'receives',
    list: MailingList,
    now: Date,
  ) => {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: mailRecipientKeys.of(recipientKey),
        UpdateExpression: `SET ${touch} ADD ${attribute} :list`,
        ExpressionAttributeValues: { ...touchValues(recipientKey, now), ':list': new Set([list]) },
      }),
    );
  };

  return {
    get,

    async getMany(recipientKeys) {
      const found = new Map<string, MailRecipient>();
      const unique = [...new Set(recipientKeys)];
      for (let start = 0; start < unique.length; start += batchGetLimit) {
        let keys: Record<string, unknown>[] = unique
          .slice(start, start + batchGetLimit)
          .map((key) => mailRecipientKeys.of(key));
        // DynamoDB may hand back part of a batch as unprocessed: ask again for just those.
        for (let round = 0; keys.length > 0 && round < 5; round++) {
          const answer = await client.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          for (const item of answer.Responses?.[tableName] ?? []) {
            const recipient = mailRecipientFromItem(item);
            found.set(recipient.recipientKey, recipient);
          }
          keys = answer.UnprocessedKeys?.[tableName]?.Keys ?? [];
        }
        if (keys.length > 0) throw new Error('Recipients could not all be read');
      }
      return found;
    },

    optOut: (recipientKey, list, now) => addToSet(recipientKey, 'optedOut', list, now),
    noteReceives: (recipientKey, list, now) => addToSet(recipientKey, 'receives', list, now),

    async savePreferences(recipientKey, { optedOut, staffDigestCadence }, now) {
      // DynamoDB stores no empty set: nothing stopped is no attribute at all.
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: mailRecipientKeys.of(recipientKey),
          UpdateExpression: `SET ${touch}, staffDigestCadence = :cadence${
            optedOut.length > 0 ? ', optedOut = :optedOut' : ' REMOVE optedOut'
          }`,
          ExpressionAttributeValues: {
            ...touchValues(recipientKey, now),
            ':cadence': staffDigestCadence,
            ...(optedOut.length > 0 ? { ':optedOut': new Set(optedOut) } : {}),
          },
        }),
      );
    },

    async suppress(recipientKey, suppression, now) {
      const line: MailRecipientLine = {
        at: suppression.at,
        action: 'suppressed',
        reason: suppression.reason,
      };
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: mailRecipientKeys.of(recipientKey),
            UpdateExpression: `SET ${touch}, suppression = :suppression, #listing = :listing, version = if_not_exists(version, :zero) + :one, history = list_append(if_not_exists(history, :empty), :line)`,
            ConditionExpression: 'attribute_not_exists(suppression)',
            ExpressionAttributeNames: { '#listing': listingKey },
            ExpressionAttributeValues: {
              ...touchValues(recipientKey, now),
              ':suppression': suppression,
              ':listing': suppressedListing,
              ':zero': 0,
              ':one': 1,
              ':empty': [],
              ':line': [line],
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async listSuppressed() {
      const items = await queryAll(client, {
        TableName: tableName,
        ...indexQuery('byNetworkAndStatus', suppressedListing),
      });
      const recipients = items.map(mailRecipientFromItem).filter((recipient) => recipient.suppression);
      return recipients.sort((a, b) => (b.suppression?.at ?? '').localeCompare(a.suppression?.at ?? ''));
    },

    async lift(recipientKey, version, by, now) {
      const line: MailRecipientLine = { at: now.toISOString(), action: 'lifted', by };
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: mailRecipientKeys.of(recipientKey),
            UpdateExpression:
              'SET updatedAt = :now, version = version + :one, history = list_append(history, :line) REMOVE suppression, #listing',
            ConditionExpression: 'attribute_exists(suppression) AND version = :version',
            ExpressionAttributeNames: { '#listing': listingKey },
            ExpressionAttributeValues: {
              ':now': now.toISOString(),
              ':one': 1,
              ':line': [line],
              ':version': version,
            },
          }),
        );
        return 'lifted';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get(recipientKey))?.suppression ? 'stale' : 'missing';
      }
    },
  };
};
