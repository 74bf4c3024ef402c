import { documentClient } from '../db/client.ts';
import { signingKeyRepository } from '../db/signing-key-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import { statusLinks } from '../use-cases/applications/status-links.ts';
import { staffReadDependencies } from './staff.ts';

/** The key that signs SMEs' status links, read once per instance (a failed read is tried again). */
export const statusLinkSigner = once(() => {
  const settings = config();
  const keys = signingKeyRepository(documentClient(), settings.dataTableName);
  let key: Promise<Uint8Array> | undefined;
  return statusLinks(() => {
    key ??= keys.keyFor('status-links').catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  });
});

/** The SME's status page reads one application and checks its link: no mailer, no reference data. */
export const statusPageDependencies = once(() => {
  const readers = staffReadDependencies();
  return { applications: readers.applications, networks: readers.networks, links: statusLinkSigner() };
});
