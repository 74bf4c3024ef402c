import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tables } from '../../shared/tables.ts';
import type { DocumentClient } from './client.ts';
import {
  type QuarantinedSubmission,
  quarantineFromItem,
  quarantineKeys,
  quarantineToItem,
} from './entities/quarantined-submission.ts';
import { isExpired } from './expiry.ts';
import { indexQuery } from './keys.ts';
import { putIfAbsent } from './put-if-absent.ts';
import { queryAll } from './query.ts';

export interface QuarantineRepository {
  /** Keeps a suspected bot's submission; a second hold of the same reference changes nothing. */
  hold(submission: QuarantinedSubmission): Promise<void>;
  /** How many of a network's held submissions have not expired yet. */
  countHeld(network: string, now: Date): Promise<number>;
  /** A network's held submissions, oldest first, expired ones left out (dynalite never deletes them). */
  listHeld(network: string, now: Date): Promise<QuarantinedSubmission[]>;
  get(reference: string, now: Date): Promise<QuarantinedSubmission | undefined>;
  /** Forgets a held submission, once released or judged a bot's. */
  remove(reference: string): Promise<void>;
}

const expiry = tables.data.timeToLiveAttribute;
const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

export const quarantineRepository = (client: DocumentClient, tableName: string): QuarantineRepository => ({
  async hold(submission) {
    await putIfAbsent(client, tableName, quarantineToItem(submission));
  },

  async countHeld(network, now) {
    // COUNT reads the index partition of this network's held submissions only: the cost follows them.
    const listing = indexQuery('byNetworkAndStatus', quarantineKeys.listing(network));
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...listing,
          FilterExpression: '#expiry > :now',
          ExpressionAttributeNames: { ...listing.ExpressionAttributeNames, '#expiry': expiry },
          ExpressionAttributeValues: { ...listing.ExpressionAttributeValues, ':now': epochSeconds(now) },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  },

  async listHeld(network, now) {
    const items = await queryAll(client, {
      TableName: tableName,
      ...indexQuery('byNetworkAndStatus', quarantineKeys.listing(network)),
    });
    return items.filter((item) => !isExpired(item, now)).map(quarantineFromItem);
  },

  async get(reference, now) {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: quarantineKeys.of(reference), ConsistentRead: true }),
    );
    return Item && !isExpired(Item, now) ? quarantineFromItem(Item) : undefined;
  },

  async remove(reference) {
    await client.send(new DeleteCommand({ TableName: tableName, Key: quarantineKeys.of(reference) }));
  },
});
