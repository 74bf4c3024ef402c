import { type Correspondent, mailSender } from '../../../shared/networks.ts';
import { nationalNetwork } from '../../db/entities/submission.ts';
import type { RenderedMail } from '../../email/templates/html.ts';
import {
  type DeliverOutboxDeps,
  type MailReport,
  type QueueOptions,
  queueAndSend,
} from '../outbox/deliver-outbox.ts';

export type { MailReport };

export type SubmissionMailDeps = DeliverOutboxDeps;

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
  options: QueueOptions = {},
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
    options,
  );
};
