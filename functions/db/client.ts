import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from '../runtime/tracer.ts';

/**
 * The only DynamoDB client of a function, built once per cold start. Its endpoint comes from the
 * standard AWS_ENDPOINT_URL_DYNAMODB variable, which the local cloud sets to dynalite.
 */
export const createDocumentClient = (client = new DynamoDBClient({})) =>
  DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

export type DocumentClient = ReturnType<typeof createDocumentClient>;

let base: DynamoDBClient | undefined;
/**
 * The low-level client, for libraries that marshal themselves (Powertools idempotency), and under the
 * DocumentClient below, which shares its middleware: each call is a subsegment of the X-Ray trace.
 */
export const dynamoDbClient = (): DynamoDBClient => {
  base ??= tracer.captureAWSv3Client(new DynamoDBClient({}));
  return base;
};

let shared: DocumentClient | undefined;
export const documentClient = (): DocumentClient => {
  shared ??= createDocumentClient(dynamoDbClient());
  return shared;
};
