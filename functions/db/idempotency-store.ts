import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tables } from '../../shared/tables.ts';
import { idempotencyKeys, type ReplayScope } from './entities/idempotency-record.ts';

/**
 * Where Powertools keeps idempotency records: the data table, one partition per form, the table's
 * TTL attribute as expiry (Powertools checks expiry itself on read, so dynalite's never-deleting TTL
 * is harmless). Powertools marshals its own items, hence the low-level client.
 *
 * dynalite accepts `ReturnValuesOnConditionCheckFailure` but returns no item with the failure;
 * Powertools then reads the existing record with a consistent GetItem, so the outcome is the same
 * (one more read, only on a duplicate).
 */
export const idempotencyStore = (client: DynamoDBClient, tableName: string, form: ReplayScope) =>
  new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: client,
    keyAttr: idempotencyKeys.keyAttribute,
    sortKeyAttr: idempotencyKeys.sortKeyAttribute,
    staticPkValue: idempotencyKeys.partition(form),
    expiryAttr: tables.data.timeToLiveAttribute,
  });
