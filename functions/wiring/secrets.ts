import { documentClient } from '../db/client.ts';
import { signingKeyRepository } from '../db/signing-key-repository.ts';
import { config } from '../runtime/config.ts';

/**
 * A secret of the table (made on first use), read once per instance: later calls answer from
 * memory, so a request pays no round trip for it once the instance is warm. A failed read is tried
 * again on the next call rather than kept.
 */
export const cachedSecret = (purpose: string): (() => Promise<Uint8Array>) => {
  let key: Promise<Uint8Array> | undefined;
  return () => {
    key ??= signingKeyRepository(documentClient(), config().dataTableName)
      .keyFor(purpose)
      .catch((error: unknown) => {
        key = undefined;
        throw error;
      });
    return key;
  };
};
