import { documentClient } from '../db/client.ts';
import { mailRecipientRepository } from '../db/mail-recipient-repository.ts';
import { config } from '../runtime/config.ts';
import { once } from '../runtime/once.ts';
import type { MailEventDeps } from '../use-cases/mail-events/record-mail-event.ts';
import { personKeyMaker } from './person-keys.ts';

/** SES's bounce and complaint events: the recipients' items and the person-key secret. */
export const mailEventDependencies = once(
  (): MailEventDeps => ({
    recipients: mailRecipientRepository(documentClient(), config().dataTableName),
    personKeys: personKeyMaker(),
  }),
);
