import { once } from '../runtime/once.ts';
import { statusLinks } from '../use-cases/applications/status-links.ts';
import { cachedSecret } from './secrets.ts';
import { staffReadDependencies } from './staff.ts';

/** The key that signs SMEs' status links, read once per instance (a failed read is tried again). */
export const statusLinkSigner = once(() => statusLinks(cachedSecret('status-links')));

/** The SME's status page reads one application and checks its link: no mailer, no reference data. */
export const statusPageDependencies = once(() => {
  const readers = staffReadDependencies();
  return { applications: readers.applications, networks: readers.networks, links: statusLinkSigner() };
});
