import { personKeyOf } from '../../domain/privacy/person-key.ts';

/**
 * The `personKey` of an e-mail address, under the secret the functions share (read once per
 * instance by functions/wiring/person-keys.ts). Every write that creates a record holding a
 * person's address puts it on the item, with `createdAt`, so the byPerson index finds the record.
 */
export interface PersonKeys {
  of(address: string): Promise<string>;
}

export const personKeys = (secret: () => Promise<Uint8Array>): PersonKeys => ({
  of: async (address) => personKeyOf(address, await secret()),
});

/** The purpose under which the secret is kept in the table (functions/db/entities/signing-key.ts). */
export const personKeyPurpose = 'person-key';
