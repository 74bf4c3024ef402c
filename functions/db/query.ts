import { paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client.ts';

/** Every page of a Query: callers never see a truncated result because of DynamoDB's 1 MB pages. */
export const queryAll = async (client: DocumentClient, input: QueryCommandInput) => {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client }, input)) {
    items.push(...(page.Items ?? []));
  }
  return items;
};
