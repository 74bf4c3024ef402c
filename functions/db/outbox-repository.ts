import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  DeleteCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { OutgoingMail } from '../domain/outbox/outgoing-mail.ts';
import type { DocumentClient } from './client.ts';
import {
  failedMailQueue,
  type OutboxMessage,
  outboxFromItems,
  outboxKeys,
  outboxQueue,
  outboxToItems,
} from './entities/outbox-message.ts';
import { isExpired } from './expiry.ts';
import {
  dueAttributes,
  dueQuery,
  expiryAttribute,
  type ItemKey,
  keyAttributes,
  partitionOf,
  partitionQuery,
  sortOf,
} from './keys.ts';
import { isConditionFailure, putIfAbsent } from './put-if-absent.ts';

export interface OutboxRepository {
  /**
   * Queues a mail under a caller-chosen id: queuing the same id twice leaves one message, and the
   * second call answers undefined. With `claimUntil`, the message is written already taken by the
   * caller, who sends it at once (no read back, no second write to claim it); should the caller die,
   * the delivery job sends it once that time has passed.
   */
  enqueue(
    input: { id: string; network: string; mail: OutgoingMail; isAlert?: boolean; awaits?: ItemKey },
    now: Date,
    claimUntil?: Date,
  ): Promise<OutboxMessage | undefined>;
  /** Which of these items exist (the records some mails await), in one BatchGet per hundred. */
  existing(keys: readonly ItemKey[]): Promise<(key: ItemKey) => boolean>;
  get(id: string, now: Date): Promise<OutboxMessage | undefined>;
  listDue(now: Date, limit: number): Promise<OutboxMessage[]>;
  /** Takes a message for one run; false when another run took it first. */
  claim(message: OutboxMessage, until: Date): Promise<boolean>;
  markSent(id: string, now: Date, expiresAt: Date): Promise<void>;
  reschedule(id: string, dueAt: Date, errorName: string): Promise<void>;
  /** Not sent, on purpose: kept with its reason as long as a sent mail, then gone. */
  markSkipped(
    id: string,
    reason: NonNullable<OutboxMessage['skipReason']>,
    now: Date,
    expiresAt: Date,
  ): Promise<void>;
  /**
   * Given up: kept until `expiresAt` (the table's TTL deletes it in AWS, reads ignore it after), and
   * queued on byDueDate by that date so that the retention job deletes it (dynalite never expires).
   */
  markFailed(id: string, errorName: string, expiresAt: Date): Promise<void>;
  /** Failed mails whose expiry has passed, one page of at most `limit`. */
  listExpiredFailures(now: Date, limit: number): Promise<string[]>;
  /** Deletes a failed mail, unless it is (somehow) pending again. */
  deleteFailed(id: string): Promise<void>;
}

/** An item's key as one string, to tell which of the awaited items were found. */
const keyString = (key: ItemKey) => `${key[keyAttributes.partition]}\u0000${key[keyAttributes.sort]}`;

export const outboxRepository = (client: DocumentClient, tableName: string): OutboxRepository => {
  /** Items by key, a hundred per call, unprocessed keys asked again until none is left. */
  const batchGet = async (keys: readonly ItemKey[], projection?: string) => {
    const items: Record<string, unknown>[] = [];
    const unique = [...new Map(keys.map((key) => [keyString(key), key])).values()];
    for (let start = 0; start < unique.length; start += 100) {
      let request: BatchGetCommandInput['RequestItems'] = {
        [tableName]: {
          Keys: unique.slice(start, start + 100),
          ...(projection ? { ProjectionExpression: projection } : {}),
        },
      };
      while (request && Object.keys(request).length > 0) {
        const answer: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: request }),
        );
        items.push(...(answer.Responses?.[tableName] ?? []));
        request = answer.UnprocessedKeys;
      }
    }
    return items;
  };

  const update = (id: string, expression: string, values: Record<string, unknown>, condition?: string) =>
    client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: outboxKeys.of(id),
        UpdateExpression: expression,
        ...(expression.includes('#status') || condition?.includes('#status')
          ? { ExpressionAttributeNames: { '#status': 'status' } }
          : {}),
        ExpressionAttributeValues: values,
        ConditionExpression: condition ?? `attribute_exists(${keyAttributes.partition})`,
      }),
    );

  return {
    async enqueue(input, now, claimUntil) {
      const message: OutboxMessage = {
        id: input.id,
        network: input.network,
        mail: input.mail,
        status: 'pending',
        attempts: claimUntil ? 1 : 0,
        createdAt: now.toISOString(),
        dueAt: (claimUntil ?? now).toISOString(),
        isAlert: input.isAlert ?? false,
        ...(input.awaits ? { awaits: input.awaits } : {}),
      };
      const { state, body } = outboxToItems(message);
      // Side by side. A body already there while the state is new was left by a write that failed
      // half-way: written again, with this mail's text.
      const [created, bodyWritten] = await Promise.all([
        putIfAbsent(client, tableName, state),
        putIfAbsent(client, tableName, body),
      ]);
      if (!created) return undefined;
      if (!bodyWritten) await client.send(new PutCommand({ TableName: tableName, Item: body }));
      return message;
    },

    async existing(keys) {
      const found = new Set(
        (await batchGet(keys, `${keyAttributes.partition}, ${keyAttributes.sort}`)).map((item) =>
          keyString(item as ItemKey),
        ),
      );
      return (key) => found.has(keyString(key));
    },

    async get(id, now) {
      // The state and the body share a partition: one Query reads both.
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...partitionQuery(partitionOf(outboxKeys.of(id))),
          ConsistentRead: true,
        }),
      );
      const state = Items.find((item) => sortOf(item) === sortOf(outboxKeys.of(id)));
      const body = Items.find((item) => sortOf(item) === sortOf(outboxKeys.body(id)));
      if (!state || isExpired(state, now)) return undefined;
      return outboxFromItems(state, body && !isExpired(body, now) ? body : undefined);
    },

    async listDue(now, limit) {
      // One page on purpose: a run takes at most `limit` messages, the next run takes the rest.
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...dueQuery(outboxQueue, now.toISOString()),
          Limit: limit,
        }),
      );
      // The index holds the states; their bodies come in one BatchGet (none for a message queued
      // before bodies had items of their own, whose state holds its whole mail).
      const bodies = await batchGet(
        Items.filter((item) => !(item.mail as { html?: string } | undefined)?.html).map((item) =>
          outboxKeys.body(item.id as string),
        ),
      );
      const bodyOf = new Map(bodies.map((body) => [body[keyAttributes.partition] as string, body]));
      return Items.map((item) => outboxFromItems(item, bodyOf.get(item[keyAttributes.partition] as string)));
    },

    async claim(message, until) {
      try {
        await update(
          message.id,
          `SET attempts = attempts + :one, ${dueAttributes.due} = :until`,
          { ':one': 1, ':until': until.toISOString(), ':seen': message.attempts, ':pending': 'pending' },
          '#status = :pending AND attempts = :seen',
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async markSent(id, now, expiresAt) {
      await update(
        id,
        `SET #status = :sent, sentAt = :now, ${expiryAttribute} = :expires REMOVE ${dueAttributes.queue}, ${dueAttributes.due}`,
        {
          ':sent': 'sent',
          ':now': now.toISOString(),
          ':expires': Math.floor(expiresAt.getTime() / 1000),
        },
      );
    },

    async markSkipped(id, reason, now, expiresAt) {
      await update(
        id,
        `SET #status = :skipped, skipReason = :reason, skippedAt = :now, ${expiryAttribute} = :expires REMOVE ${dueAttributes.queue}, ${dueAttributes.due}`,
        {
          ':skipped': 'skipped',
          ':reason': reason,
          ':now': now.toISOString(),
          ':expires': Math.floor(expiresAt.getTime() / 1000),
        },
      );
    },

    async reschedule(id, dueAt, errorName) {
      await update(id, `SET ${dueAttributes.due} = :due, lastError = :error`, {
        ':due': dueAt.toISOString(),
        ':error': errorName,
      });
    },

    async markFailed(id, errorName, expiresAt) {
      await update(
        id,
        `SET #status = :failed, lastError = :error, ${expiryAttribute} = :expires, ${dueAttributes.queue} = :queue, ${dueAttributes.due} = :due`,
        {
          ':failed': 'failed',
          ':error': errorName,
          ':expires': Math.floor(expiresAt.getTime() / 1000),
          ':queue': failedMailQueue,
          ':due': expiresAt.toISOString(),
        },
      );
    },

    async listExpiredFailures(now, limit) {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          ...dueQuery(failedMailQueue, now.toISOString()),
          Limit: limit,
        }),
      );
      return Items.map((item) => item.id as string);
    },

    async deleteFailed(id) {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: outboxKeys.of(id),
            ConditionExpression: '#status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'failed' },
          }),
        );
        // Its body goes with it: dynalite never expires one.
        await client.send(new DeleteCommand({ TableName: tableName, Key: outboxKeys.body(id) }));
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
};
