import { itemKey } from '../keys.ts';

/**
 * A sequence number, one item per kind, scope (département or `FR`) and year: DynamoDB's atomic
 * `ADD` hands every caller a different number without a read or a transaction.
 */
export const counterKeys = {
  of: (kind: string, scope: string, year: number) => itemKey(`COUNTER#${kind}#${scope}`, `YEAR#${year}`),
};
