import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
import type { ItemKey } from '../keys.ts';

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
  of: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
};

export const outboxToItem = (message: OutboxMessage) => ({
  ...outboxKeys.of(message.id),
  entity: 'outbox-message',
  ...message,
  ...(message.status === 'pending' ? { dueQueue: outboxQueue } : {}),
});

export const outboxFromItem = (item: Record<string, unknown>): OutboxMessage => ({
  id: item.id as string,
  network: item.network as string,
  mail: item.mail as OutgoingMail,
  status: item.status as OutboxMessage['status'],
  attempts: item.attempts as number,
  createdAt: item.createdAt as string,
  dueAt: item.dueAt as string | undefined,
  sentAt: item.sentAt as string | undefined,
  lastError: item.lastError as string | undefined,
  skipReason: item.skipReason as OutboxMessage['skipReason'],
  ...(item.awaits ? { awaits: item.awaits as ItemKey } : {}),
  isAlert: Boolean(item.isAlert),
});
