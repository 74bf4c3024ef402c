import { createHmac } from 'node:crypto';

/**
 * How a client is known to the rate limit: an HMAC of its address under the day's secret salt.
 * The address is never stored, and without the salt (gone after a day) the hash cannot be
 * matched back to an address by trying them all.
 */
export const clientKey = (salt: string, address: string): string =>
  createHmac('sha256', salt).update(address).digest('base64url');
