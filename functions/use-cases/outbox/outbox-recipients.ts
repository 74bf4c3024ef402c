import type { MailingList } from '../../../shared/mailing-lists.ts';
import type { MailRecipientRepository } from '../../db/mail-recipient-repository.ts';
import { type UnsubscribeLinks, unsubscribeLinks } from '../../domain/outbox/list-unsubscribe.ts';
import type { RecipientStanding } from '../../domain/outbox/recipient-policy.ts';
import type { PreferenceLinks } from '../mail-preferences/preference-links.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';

/** What the outbox asks about recipients: their standing (read once per run) and their own links. */
export interface OutboxRecipients {
  /** One BatchGet for every recipient of the given mails. */
  standings(addresses: readonly string[]): Promise<(address: string) => RecipientStanding>;
  linksFor(address: string, list: MailingList, now: Date): Promise<UnsubscribeLinks>;
  /** Remembers that this person gets this list, for their preferences page (a write only the first time). */
  noteReceives(address: string, list: MailingList, now: Date, standing: RecipientStanding): Promise<void>;
}

export const outboxRecipients = (deps: {
  recipients: MailRecipientRepository;
  personKeys: PersonKeys;
  links: PreferenceLinks;
  siteUrl: string;
}): OutboxRecipients => ({
  async standings(addresses) {
    const unique = [...new Set(addresses)];
    const keys = new Map(
      await Promise.all(unique.map(async (address) => [address, await deps.personKeys.of(address)] as const)),
    );
    const found = await deps.recipients.getMany([...keys.values()]);
    return (address) => {
      const recipient = found.get(keys.get(address) ?? '');
      return {
        suppressed: Boolean(recipient?.suppression),
        optedOut: recipient?.optedOut ?? [],
        receives: recipient?.receives ?? [],
      };
    };
  },
  async linksFor(address, list, now) {
    const token = await deps.links.sign({ personKey: await deps.personKeys.of(address), list }, now);
    return unsubscribeLinks(deps.siteUrl, token);
  },
  async noteReceives(address, list, now, standing) {
    if (standing.receives.includes(list)) return;
    await deps.recipients.noteReceives(await deps.personKeys.of(address), list, now);
  },
});
