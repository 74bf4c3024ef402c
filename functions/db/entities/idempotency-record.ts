import type { FormName } from '../../../shared/forms.ts';

/**
 * Records of Powertools' idempotency utility (functions/db/idempotency-store.ts): one partition per
 * form, one item per idempotency key, in the data table's key attributes and its TTL attribute.
 */
export const idempotencyKeys = {
  partition: (form: FormName) => `IDEMPOTENCY#${form}`,
  keyAttribute: 'pk',
  sortKeyAttribute: 'sk',
} as const;
