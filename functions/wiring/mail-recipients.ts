import type { DocumentClient } from '../db/client.ts';
import { mailRecipientRepository } from '../db/mail-recipient-repository.ts';
import type { RuntimeSettings } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import {
  mailPreferenceLinkPurpose,
  preferenceLinks,
} from '../use-cases/mail-preferences/preference-links.ts';
import { outboxRecipients } from '../use-cases/outbox/outbox-recipients.ts';
import { personKeyMaker } from './person-keys.ts';
import { cachedSecret } from './secrets.ts';

/** The key of the list mails' signed links, its own purpose, read once per instance. */
export const preferenceLinkSigner = once(() => preferenceLinks(cachedSecret(mailPreferenceLinkPurpose)));

/** Suppressions and preferences as every sender of the outbox reads them. */
export const outboxRecipientsFor = (client: DocumentClient, settings: RuntimeSettings) =>
  outboxRecipients({
    recipients: mailRecipientRepository(client, settings.dataTableName),
    personKeys: personKeyMaker(),
    links: preferenceLinkSigner(),
    siteUrl: settings.siteUrl,
  });
