import { itemKey } from '../keys.ts';

/**
 * How many submissions one client made in one window. The client is a salted hash of its address
 * (see address-salt.ts): the address itself is never stored. The item expires soon after its window.
 */
export const rateLimitKeys = {
  of: (clientKey: string, windowId: string) => itemKey(`RATE#${clientKey}`, `WINDOW#${windowId}`),
};
