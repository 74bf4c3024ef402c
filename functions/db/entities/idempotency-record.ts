import type { FormName } from '../../../shared/forms.ts';
import { tables } from '../../../shared/tables.ts';

/** Who keeps answers for replay: each public form, staff recording an application, and staff creating a mission or a half-day. */
export type ReplayScope = FormName | 'staff-application' | 'staff-mission';

/**
 * Records of Powertools' idempotency utility (functions/db/idempotency-store.ts): one partition per
 * form, one item per idempotency key, in the data table's key attributes and its TTL attribute.
 */
export const idempotencyKeys = {
  partition: (scope: ReplayScope) => `IDEMPOTENCY#${scope}`,
  keyAttribute: tables.data.partitionKey,
  sortKeyAttribute: tables.data.sortKey,
} as const;
