import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import { dueAttributes, expiryAttribute, type ItemKey, itemKey } from '../keys.ts';

/**
 * A mail waiting to be sent, or the record of one that was. Only pending messages carry
 * `dueQueue`, so the byDueDate index holds exactly the work a delivery run has to do.
 */
export interface OutboxMessage {
  id: string;
  /** Network whose staff hear of it if it can never be sent. */
  network: string;
  mail: OutgoingMail;
  status: 'pending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  createdAt: string;
  dueAt?: string;
  sentAt?: string;
  lastError?: string;
  /**
   * Why a skipped mail was not sent: its recipient's address is suppressed, they stopped its list, or
   * the record it tells of was never written (see `awaits`).
   */
  skipReason?: 'suppressed' | 'unsubscribed' | 'orphaned';
  /**
   * The item this mail is about, written side by side with it: the mail goes only once that item
   * exists. A request that queues its mails in the same round trip as its record leaves, if the record's
   * write failed, mails the delivery job then skips rather than tell of something that is not stored.
   */
  awaits?: ItemKey;
  /** An alert about another message: never alerted about in turn. */
  isAlert: boolean;
}

export const outboxQueue = 'outbox';

/** Failed mails wait here, on byDueDate by their expiry, for the nightly job to delete them. */
export const failedMailQueue = 'failed-mail';

export const outboxKeys = {
  of: (id: string) => itemKey(`OUTBOX#${id}`, 'OUTBOX'),
  /** The mail's body, an item of its own: the state's changes then cost a unit, not the body's size. */
  body: (id: string) => itemKey(`OUTBOX#${id}`, 'BODY'),
};

/**
 * A body outlives any state of its message: two days of retries at most, then 30 days kept once sent,
 * skipped or given up (functions/domain/outbox/delivery-policy.ts), with a margin.
 */
export const outboxBodyDays = 35;

/** The message as two items: its state (small: what every change rewrites) and its mail's body. */
export const outboxToItems = (message: OutboxMessage) => {
  const { html: body, text: plain, attachments: files, ...envelope } = message.mail;
  return {
    state: {
      ...outboxKeys.of(message.id),
      entity: 'outbox-message',
      ...message,
      mail: envelope,
      ...(message.status === 'pending' ? { [dueAttributes.queue]: outboxQueue } : {}),
    },
    body: {
      ...outboxKeys.body(message.id),
      entity: 'outbox-body',
      html: body,
      text: plain,
      ...(files?.length ? { attachments: files } : {}),
      [expiryAttribute]: Math.floor(Date.parse(message.createdAt) / 1000) + outboxBodyDays * 86_400,
    },
  };
};

/**
 * A message from its state and its body. A message queued before bodies had items of their own
 * carries its whole mail in its state; one whose body was never written has no text, and fails at
 * sending like any mail SES refuses (its retries, then the staff's alert).
 */
export const outboxFromItems = (
  item: Record<string, unknown>,
  body?: Record<string, unknown>,
): OutboxMessage => {
  const mail = item.mail as OutgoingMail;
  return {
    id: item.id as string,
    network: item.network as string,
    mail: body
      ? {
          ...mail,
          html: body.html as string,
          text: body.text as string,
          ...(body.attachments ? { attachments: body.attachments as OutgoingMail['attachments'] } : {}),
        }
      : mail,
    status: item.status as OutboxMessage['status'],
    attempts: item.attempts as number,
    createdAt: item.createdAt as string,
    dueAt: item.dueAt as string | undefined,
    sentAt: item.sentAt as string | undefined,
    lastError: item.lastError as string | undefined,
    skipReason: item.skipReason as OutboxMessage['skipReason'],
    ...(item.awaits ? { awaits: item.awaits as ItemKey } : {}),
    isAlert: Boolean(item.isAlert),
  };
};
