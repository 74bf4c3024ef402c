import { type Correspondent, mailSender } from '../../../shared/networks.ts';
import { nationalNetwork } from '../../db/entities/submission.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import type { RenderedMail } from '../../email/templates/html.ts';
import { type DeliverOutboxDeps, deliverNow } from '../outbox/deliver-outbox.ts';

export type SubmissionMailDeps = DeliverOutboxDeps;

export interface MailReport {
  /** The ids this call queued: those already in the outbox (a retry) are not among them. */
  queued: string[];
  sentNow: number;
  /** Left to the scheduled deliver-outbox job: SES refused, or could not be reached in time. */
  deferred: number;
}

/**
 * Queues the mails of a submission under ids derived from its reference (a retry queues nothing
 * twice), then tries to send them at once. A failure here is not the person's problem: the mail
 * waits in the outbox and the scheduled job retries it.
 */
export const queueAndSend = async (
  deps: SubmissionMailDeps,
  network: string,
  mails: { id: string; mail: OutgoingMail }[],
  now: Date,
): Promise<MailReport> => {
  const report: MailReport = { queued: [], sentNow: 0, deferred: 0 };
  for (const { id, mail } of mails) {
    if (await deps.outbox.enqueue({ id, network, mail }, now)) report.queued.push(id);
  }
  for (const { id } of mails) {
    const sent = await deliverNow(deps, id, now).catch(() => false);
    if (sent) report.sentNow++;
    else report.deferred++;
  }
  return report;
};

/**
 * The two mails every form sends, both from the network that handles the submission: the
 * acknowledgement to the person who wrote, answerable by the staff, and the notification to the
 * staff, answerable to that person.
 */
export const acknowledgeAndNotify = (
  deps: SubmissionMailDeps,
  submission: {
    reference: string;
    /** The network (or national coordination) that answers; its staff hear of a mail that never goes. */
    correspondent: Correspondent;
    requesterEmail: string;
    acknowledgement: RenderedMail;
    notification: RenderedMail;
  },
  now: Date,
): Promise<MailReport> => {
  const { correspondent } = submission;
  const from = mailSender(correspondent, deps.senderDomain);
  const staff = [...correspondent.staffEmails];
  return queueAndSend(
    deps,
    correspondent.id ?? nationalNetwork,
    [
      {
        id: `${submission.reference}:acknowledgement`,
        // Reply-to holds at most five addresses (functions/email/outgoing-mail.ts).
        mail: {
          ...submission.acknowledgement,
          from,
          to: [submission.requesterEmail],
          replyTo: staff.slice(0, 5),
        },
      },
      {
        id: `${submission.reference}:staff`,
        mail: { ...submission.notification, from, to: staff, replyTo: [submission.requesterEmail] },
      },
    ],
    now,
  );
};
