import { tables } from '../../shared/tables.ts';

const attribute = tables.data.timeToLiveAttribute;

/**
 * DynamoDB deletes expired items only eventually, and dynalite never does: every read that
 * can meet one treats it as already gone.
 */
export const isExpired = (item: Record<string, unknown>, now: Date): boolean => {
  const expiresAt = item[attribute];
  return typeof expiresAt === 'number' && expiresAt * 1000 <= now.getTime();
};
