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
import type { Mailer } from '../../email/mailer.ts';
import { renderDeliveryFailed } from '../../email/templates/delivery-failed.ts';

export interface DeliverOutboxDeps {
  outbox: OutboxRepository;
  mailer: Mailer;
  networks: readonly Network[];
  national: National;
  /** The SES-verified domain every mail is sent from. */
  senderDomain: string;
}

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
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
  for (const message of due) {
    if (!(await deps.outbox.claim(message, addMinutes(now, claimMinutes)))) continue;
    await deliverOne(deps, message, now, report);
  }
  return report;
};

/** Sends one message that was just queued, so the usual case needs no wait for the next run. */
export const deliverNow = async (deps: DeliverOutboxDeps, id: string, now: Date): Promise<boolean> => {
  const message = await deps.outbox.get(id, now);
  if (message?.status !== 'pending') return false;
  if (!(await deps.outbox.claim(message, addMinutes(now, claimMinutes)))) return false;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  await deliverOne(deps, message, now, report);
  return report.sent === 1;
};

const deliverOne = async (
  deps: DeliverOutboxDeps,
  message: OutboxMessage,
  now: Date,
  report: DeliveryReport,
) => {
  const attempts = message.attempts + 1;
  try {
    await deps.mailer.send(message.mail);
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
