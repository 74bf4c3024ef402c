import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateWindow } from '../domain/public-forms/rate-limit.ts';
import type { DocumentClient } from './client.ts';
import { addressSaltKeys } from './entities/address-salt.ts';
import { rateLimitKeys } from './entities/rate-limit-window.ts';
import { isExpired } from './expiry.ts';
import { expiryAttribute } from './keys.ts';
import { putIfAbsent } from './put-if-absent.ts';

export interface RateLimitRepository {
  /** Counts one more submission of this client in this window; answers the count so far. */
  countSubmission(clientKey: string, window: RateWindow): Promise<number>;
  /** The day's salt, made on first use (whichever function instance comes first wins). */
  saltOf(day: string, now: Date): Promise<string>;
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const oneHourMs = 3_600_000;

export const rateLimitRepository = (client: DocumentClient, tableName: string): RateLimitRepository => {
  const readSalt = async (day: string, now: Date) => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: addressSaltKeys.of(day), ConsistentRead: true }),
    );
    return Item && !isExpired(Item, now) ? (Item.salt as string) : undefined;
  };

  return {
    async countSubmission(clientKey, window) {
      const { Attributes } = await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: rateLimitKeys.of(clientKey, window.id),
          UpdateExpression: `ADD submissions :one SET entity = :entity, ${expiryAttribute} = :expires`,
          ExpressionAttributeValues: {
            ':one': 1,
            ':entity': 'rate-limit-window',
            // An hour of margin: the window's item is useless once it ends.
            ':expires': epochSeconds(new Date(window.endsAt.getTime() + oneHourMs)),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Attributes?.submissions as number;
    },

    async saltOf(day, now) {
      const existing = await readSalt(day, now);
      if (existing) return existing;
      const salt = randomBytes(32).toString('base64');
      const written = await putIfAbsent(client, tableName, {
        ...addressSaltKeys.of(day),
        entity: 'address-salt',
        salt,
        // Gone a day after its day ends: the counters it keyed expired long before.
        [expiryAttribute]: epochSeconds(new Date(Date.parse(`${day}T00:00:00Z`) + 48 * oneHourMs)),
      });
      if (written) return salt;
      const winner = await readSalt(day, now);
      if (!winner)
        throw new Error(`The salt of ${day} was written by another instance, then could not be read`);
      return winner;
    },
  };
};
