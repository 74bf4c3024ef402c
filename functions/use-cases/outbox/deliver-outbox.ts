import { correspondentOf, mailSender, type National, type Network } from '../../../shared/networks.ts';
import type { OutboxMessage } from '../../db/entities/outbox-message.ts';
import type { ItemKey } from '../../db/keys.ts';
import type { OutboxRepository } from '../../db/outbox-repository.ts';
import {
  addMinutes,
  afterFailure,
  claimMinutes,
  failedRetentionDays,
  sentRetentionDays,
} from '../../domain/outbox/delivery-policy.ts';
import { listUnsubscribeHeaders } from '../../domain/outbox/list-unsubscribe.ts';
import type { OutgoingMail } from '../../domain/outbox/outgoing-mail.ts';
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
  const awaited = due.flatMap((message) => (message.awaits ? [message.awaits] : []));
  const [standingOf, exists] = await Promise.all([
    deps.recipients.standings(due.flatMap((message) => message.mail.to)),
    awaited.length > 0 ? deps.outbox.existing(awaited) : () => true,
  ]);
  for (const message of due) {
    if (!(await deps.outbox.claim(message, addMinutes(now, claimMinutes)))) continue;
    const attempts = message.attempts + 1;
    if (message.awaits && !exists(message.awaits)) {
      await skip(deps, message, 'orphaned', now, report);
      continue;
    }
    await deliverOne(deps, message, attempts, now, report, standingOf);
  }
  return report;
};

export interface MailReport {
  /** The ids this call queued: those already in the outbox (a retry) are not among them. */
  queued: string[];
  sentNow: number;
  /** Left to the scheduled deliver-outbox job: SES refused, or could not be reached in time. */
  deferred: number;
  /** The sent mails marked as sent (already settled unless `deferRecording` was asked). */
  recorded: Promise<void>;
}

export interface QueueOptions {
  /** The item these mails tell of: they are sent only once it exists. */
  awaits?: ItemKey;
  /** A write to make in the same round trip as the mails' (the record they await). */
  alongside?: Promise<unknown>;
  /** The recipients' standing, when the caller read it already. */
  standings?: Promise<StandingOf>;
  /** Leave the marking of sent mails for the caller to await (`recorded`), after its own last write. */
  deferRecording?: boolean;
}

export type StandingOf = (address: string) => RecipientStanding;

/**
 * Queues mails under ids their caller derives from what they are about (queued twice, a mail goes
 * once), already claimed by this call, and sends them at once: the usual case waits for no job run and
 * reads nothing back. The writes go side by side, with `alongside` (the record the mails tell of,
 * which they then `await`) and the recipients' standing; the sends too. A failure to send is not the
 * person's problem: the mail waits in the outbox and the job retries it.
 */
export const queueAndSend = async (
  deps: DeliverOutboxDeps,
  network: string,
  mails: readonly { id: string; mail: OutgoingMail }[],
  now: Date,
  options: QueueOptions = {},
): Promise<MailReport> => {
  const claimUntil = addMinutes(now, claimMinutes);
  const [written, standingOf] = await Promise.all([
    Promise.all(
      mails.map(({ id, mail }) =>
        deps.outbox.enqueue(
          { id, network, mail, ...(options.awaits ? { awaits: options.awaits } : {}) },
          now,
          claimUntil,
        ),
      ),
    ),
    options.standings ?? deps.recipients.standings(mails.flatMap(({ mail }) => mail.to)),
    options.alongside,
  ]);
  const queued = written.filter((message): message is OutboxMessage => message !== undefined);
  const recordings: Promise<void>[] = [];
  const sent = await Promise.all(
    queued.map(async (message) => {
      const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
      await deliverOne(deps, message, message.attempts, now, report, standingOf, (recording) =>
        recordings.push(recording),
      ).catch(() => undefined);
      return report.sent === 1;
    }),
  );
  const sentNow = sent.filter(Boolean).length;
  // A mail sent but not yet marked would be sent again once its claim passes: the marks are awaited,
  // here or, for a caller who has other writes to finish meanwhile, by that caller.
  const recorded = Promise.all(recordings).then(() => undefined);
  if (!options.deferRecording) await recorded;
  return {
    queued: queued.map((message) => message.id),
    sentNow,
    deferred: queued.length - sentNow,
    recorded,
  };
};

const skip = async (
  deps: DeliverOutboxDeps,
  message: OutboxMessage,
  reason: NonNullable<OutboxMessage['skipReason']>,
  now: Date,
  report: DeliveryReport,
) => {
  // The trace is the record itself (its status and reason): a log line would have to name the address.
  await deps.outbox.markSkipped(message.id, reason, now, addMinutes(now, sentRetentionDays * 24 * 60));
  report.skipped = (report.skipped ?? 0) + 1;
};

/**
 * `attempts` counts this one: the message is claimed already. With `recording`, the write that marks
 * a sent mail is handed over instead of awaited, so that it may overlap its caller's last write.
 */
const deliverOne = async (
  deps: DeliverOutboxDeps,
  message: OutboxMessage,
  attempts: number,
  now: Date,
  report: DeliveryReport,
  standingOf: StandingOf,
  recording?: (pending: Promise<void>) => void,
) => {
  const decision = deliveryDecision(message.mail, standingOf);
  if (decision.kind === 'skip') {
    await skip(deps, message, decision.reason, now, report);
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
  const marked = deps.outbox.markSent(message.id, now, addMinutes(now, sentRetentionDays * 24 * 60));
  if (recording) recording(marked);
  else await marked;
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
  standingOf: StandingOf,
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
