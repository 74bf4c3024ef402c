import { createHmac } from 'node:crypto';
import { toSendableAddress } from '../../../shared/form-fields.ts';

/**
 * How one person is found across the records that hold their e-mail address, without a Scan and
 * without indexing the address itself: an HMAC-SHA256 of the normalised address under a secret kept
 * in the table. The index then holds no address, and a copy of it cannot be matched back to one by
 * hashing guesses without the secret.
 */

/** `  Jeanne.Dupont@Exemple-Café.FR ` and `jeanne.dupont@xn--exemple-caf-lbb.fr` are one person. */
export const normalisedEmail = (address: string): string => {
  const lowered = address.trim().toLowerCase();
  const sendable = toSendableAddress(lowered);
  return 'address' in sendable ? sendable.address : lowered;
};

/** The value of the `personKey` attribute (byPerson index) of a record holding this address. */
export const personKeyOf = (address: string, secret: Uint8Array): string =>
  createHmac('sha256', secret).update(normalisedEmail(address)).digest('base64url');
