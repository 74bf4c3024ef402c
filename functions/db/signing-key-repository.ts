import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from './client.ts';
import { signingKeyKeys } from './entities/signing-key.ts';
import { putIfAbsent } from './put-if-absent.ts';

/** The key for one purpose: read, or made if there is none yet (the first writer wins, everyone reads its key). */
export const signingKeyRepository = (client: DocumentClient, tableName: string) => ({
  async keyFor(purpose: string): Promise<Uint8Array> {
    const read = async () => {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: signingKeyKeys.of(purpose), ConsistentRead: true }),
      );
      return Item ? Buffer.from(Item.secret as string, 'base64') : undefined;
    };
    const existing = await read();
    if (existing) return existing;
    await putIfAbsent(client, tableName, {
      ...signingKeyKeys.of(purpose),
      entity: 'signing-key',
      secret: randomBytes(32).toString('base64'),
    });
    const made = await read();
    if (!made) throw new Error('The signing key could not be read back');
    return made;
  },
});
export type SigningKeyRepository = ReturnType<typeof signingKeyRepository>;
