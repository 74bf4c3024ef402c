import { documentClient } from '../db/client.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { ApplicationsDeps } from '../use-cases/applications/dependencies.ts';
import { requestMailDependencies } from './mail.ts';
import { staffReadDependencies } from './staff.ts';
import { statusLinkSigner } from './status-links.ts';

/** What moves an application and tells the SME: the readers, the outbox and SES, the link signer. */
export const staffDependencies = once((): ApplicationsDeps => {
  const settings = config();
  return {
    ...staffReadDependencies(),
    mail: requestMailDependencies(documentClient(), settings),
    links: statusLinkSigner(),
    siteUrl: settings.siteUrl,
  };
});
