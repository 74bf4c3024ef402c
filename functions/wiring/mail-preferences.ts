import { documentClient } from '../db/client.ts';
import { mailRecipientRepository } from '../db/mail-recipient-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MailPreferencesDeps } from '../use-cases/mail-preferences/preferences.ts';
import { preferenceLinkSigner } from './mail-recipients.ts';
import { personKeyMaker } from './person-keys.ts';

/** The preferences page and the one-click unsubscription: the recipients' items and the link signer. */
export const mailPreferencesDependencies = once(
  (): MailPreferencesDeps => ({
    recipients: mailRecipientRepository(documentClient(), config().dataTableName),
    links: preferenceLinkSigner(),
  }),
);

/** What the reminders job needs to read each staff member's digest cadence. */
export const staffDigestCadenceDependencies = once(() => ({
  ...mailPreferencesDependencies(),
  personKeys: personKeyMaker(),
}));
