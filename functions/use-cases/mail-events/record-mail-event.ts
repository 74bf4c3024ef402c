import type { MailRecipientRepository } from '../../db/mail-recipient-repository.ts';
import { suppressionOrderOf } from '../../domain/outbox/ses-event.ts';
import type { PersonKeys } from '../privacy/person-keys.ts';

export interface MailEventDeps {
  recipients: MailRecipientRepository;
  personKeys: PersonKeys;
}

export interface MailEventReport {
  reason?: 'bounce' | 'complaint';
  /** Newly suppressed; an address suppressed already (the event delivered twice) is not counted. */
  suppressed: number;
  alreadySuppressed: number;
}

/**
 * An SES bounce or complaint: each address it names goes on the suppression list under its person
 * key, with the reason and the date, the address kept beside it for staff to see. The outbox then
 * sends it nothing until staff lift it. Delivered twice, the event changes nothing the second time.
 */
export const recordMailEvent = async (
  deps: MailEventDeps,
  event: unknown,
  now: Date,
): Promise<MailEventReport> => {
  const order = suppressionOrderOf(event);
  const report: MailEventReport = { suppressed: 0, alreadySuppressed: 0 };
  if (!order) return report;
  report.reason = order.reason;
  for (const address of order.addresses) {
    const key = await deps.personKeys.of(address);
    const added = await deps.recipients.suppress(
      key,
      { address: address.trim().toLowerCase(), reason: order.reason, detail: order.detail, at: order.at },
      now,
    );
    if (added) report.suppressed++;
    else report.alreadySuppressed++;
  }
  return report;
};
