import { correspondentOf, mailSender, type National, type Network } from '../../../shared/networks.ts';
import type { OutboxMessage } from '../../db/entities/outbox-message.ts';
import type { OutboxRepository } from '../../db/outbox-repository.ts';
import {
  addMinutes,
  afterFailure,
  claimMinutes,
  failedRetentionDays,
  sentRetentionDays,
} from '../../domain/outbox/delivery-policy.ts';
import { listUnsubscribeHeaders } from '../../domain/outbox/list-unsubscribe.ts';
import { deliveryDecision, type RecipientStanding } from '../../domain/outbox/recipient-policy.ts';
import type { Mailer } from '../../email/mailer.ts';
import { renderDeliveryFailed } from '../../email/templates/delivery-failed.ts';
import { withPreferencesFooter } from '../../email/templates/preferences-footer.ts';
import type { OutboxRecipients } from './outbox-recipients.ts';

export interface DeliverOutboxDeps {
  outbox: OutboxRepository;
  mailer: Mailer;
  networks: readonly Network[];
  national: National;
  /** The SES-verified domain every mail is sent from. */
  senderDomain: string;
  /** Suppressions and preferences, read once per run, and each recipient's unsubscription links. */
  recipients: OutboxRecipients;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Only when some were: mails nobody may receive (suppressed, or unsubscribed from their list). */
  skipped?: number;
}

/** A run handles at most this many messages: the cost of a run follows the mail due, capped. */
export const deliveryBatchSize = 50;

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'UnknownError');

/**
 * Sends the mail that is due. A message that fails waits longer each time, and when retries run
 * out the network's staff get an alert (itself queued, so it benefits from the same retries).
 */
export const deliverOutbox = async (deps: DeliverOutboxDeps, now: Date): Promise<DeliveryReport> => {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await deps.outbox.listDue(now, deliveryBatchSize);
  const standingOf = await deps.recipients.standings(due.flatMap((message) => message.mail.to));
  for (const message of due) {
    if (!(await deps.outbox.claim(message, addMinutes(now, claimMinutes)))) continue;
    await deliverOne(deps, message, now, report, standingOf);
  }
  return report;
};

/** Sends one message that was just queued, so the usual case needs no wait for the next run. */
export const deliverNow = async (deps: DeliverOutboxDeps, id: string, now: Date): Promise<boolean> => {
  const message = await deps.outbox.get(id, now);
  if (message?.status !== 'pending') return false;
  if (!(await deps.outbox.claim(message, addMinutes(now, claimMinutes)))) return false;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  await deliverOne(deps, message, now, report, await deps.recipients.standings(message.mail.to));
  return report.sent === 1;
};

const deliverOne = async (
  deps: DeliverOutboxDeps,
  message: OutboxMessage,
  now: Date,
  report: DeliveryReport,
  standingOf: (address: string) => RecipientStanding,
) => {
  const attempts = message.attempts + 1;
  const decision = deliveryDecision(message.mail, standingOf);
  if (decision.kind === 'skip') {
    // The trace is the record itself (its status and reason): a log line would have to name the address.
    await deps.outbox.markSkipped(
      message.id,
      decision.reason,
      now,
      addMinutes(now, sentRetentionDays * 24 * 60),
    );
    report.skipped = (report.skipped ?? 0) + 1;
    return;
  }
  try {
    const { mail, extras } = await prepared(deps, message, decision.to, now, standingOf);
    await deps.mailer.send(mail, extras);
  } catch (error) {
    const next = afterFailure(attempts, now);
    if (next.kind === 'retry') {
      await deps.outbox.reschedule(message.id, next.dueAt, errorName(error));
      report.retried++;
      return;
    }
    await deps.outbox.markFailed(
      message.id,
      errorName(error),
      addMinutes(now, failedRetentionDays * 24 * 60),
    );
    report.failed++;
    if (!message.isAlert) await queueAlert(deps, message, attempts, now);
    return;
  }
  await deps.outbox.markSent(message.id, now, addMinutes(now, sentRetentionDays * 24 * 60));
  report.sent++;
};

/**
 * The mail as it leaves: to the recipients still reachable, and for a list mail (one recipient by
 * design) the recipient's own List-Unsubscribe headers and preferences line.
 */
const prepared = async (
  deps: DeliverOutboxDeps,
  message: OutboxMessage,
  to: string[],
  now: Date,
  standingOf: (address: string) => RecipientStanding,
) => {
  const mail = { ...message.mail, to };
  const list = mail.list?.kind;
  const [recipient] = to;
  if (!list || !recipient) return { mail, extras: {} };
  const links = await deps.recipients.linksFor(recipient, list, now);
  await deps.recipients.noteReceives(recipient, list, now, standingOf(recipient));
  return {
    mail: withPreferencesFooter(mail, links),
    extras: { headers: listUnsubscribeHeaders(links.oneClick) },
  };
};

/** The staff of the message's network (the national coordination's for its own) hear of it. */
const queueAlert = async (deps: DeliverOutboxDeps, message: OutboxMessage, attempts: number, now: Date) => {
  const correspondent = correspondentOf(deps.networks, deps.national, message.network);
  const mail = renderDeliveryFailed({
    network: correspondent,
    failedSubject: message.mail.subject,
    recipients: message.mail.to,
    attempts,
    firstQueuedAt: message.createdAt,
  });
  await deps.outbox.enqueue(
    {
      id: `${message.id}:undelivered`,
      network: message.network,
      mail: {
        ...mail,
        from: mailSender(correspondent, deps.senderDomain),
        to: [...correspondent.staffEmails],
      },
      isAlert: true,
    },
    now,
  );
};
