import { itemKey } from '../keys.ts';

/**
 * The day's random salt for hashing client addresses. Shared by every function instance through
 * the table (so one client counts once wherever it lands), made by whichever instance needs it first,
 * and expiring with the day: after that, yesterday's hashes cannot be linked to an address.
 */
export const addressSaltKeys = {
  of: (day: string) => itemKey('SALT#client-address', `DAY#${day}`),
};
