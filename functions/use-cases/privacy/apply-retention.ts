import type { OutboxRepository } from '../../db/outbox-repository.ts';
import { UnknownChildError } from '../../domain/privacy/anonymisation.ts';
import { retentionDecision } from '../../domain/privacy/retention.ts';
import { anonymisePartition, isRecord, isRetentionMark, type PrivacyDeps } from './anonymise-record.ts';

export interface RetentionDeps extends PrivacyDeps {
  outbox: Pick<OutboxRepository, 'listExpiredFailures' | 'deleteFailed'>;
}

export interface RetentionReport {
  anonymised: number;
  postponed: number;
  /** Marks whose record was never written, or whose anonymisation a crash left unfinished. */
  tidied: number;
  /** Records holding an item of a kind without an anonymisation rule: left for a person to look at. */
  refused: number;
  expiredMails: number;
}

/** A night handles at most this many marks and mails: the cost follows what is due, capped. */
export const retentionBatchSize = 100;

/** Who the audit line names when the rule, not a person, anonymised the record. */
export const retentionActor = { id: 'retention-rule', name: 'Règle de conservation' };
export const retentionReason = 'Trois ans sans contact (règle de la CNIL pour les prospects).';

/**
 * The nightly retention run: reads only the marks due by `now` on byDueDate (never the records'
 * whole history), and for each, its partition. A record contacted since is looked at again three
 * years after that contact; one whose missions still run, a month later; the others are anonymised.
 * Then failed mails past their expiry are deleted. Run twice, the second run finds nothing due.
 */
export const applyRetention = async (deps: RetentionDeps, now: Date): Promise<RetentionReport> => {
  const report: RetentionReport = { anonymised: 0, postponed: 0, tidied: 0, refused: 0, expiredMails: 0 };
  for (const mark of await deps.privacy.retentionDue(now, retentionBatchSize)) {
    const items = await deps.privacy.partition(mark.partition, now);
    const record = items.find(isRecord);
    if (!record) {
      await deps.privacy.dropRetention(mark.partition);
      report.tidied++;
      continue;
    }
    if (!record.anonymisation) {
      const children = items.filter((item) => item !== record && !isRetentionMark(item));
      const decision = retentionDecision(record, children, now);
      if (decision.kind === 'postpone') {
        await deps.privacy.postponeRetention(mark, decision.dueAt);
        report.postponed++;
        continue;
      }
    }
    try {
      const result = await anonymisePartition(
        deps,
        mark.partition,
        { at: now.toISOString(), actor: retentionActor, reason: retentionReason },
        now,
        () => true,
      );
      if (result.outcome === 'anonymised') report.anonymised++;
      else report.tidied++;
    } catch (error) {
      if (!(error instanceof UnknownChildError)) throw error;
      report.refused++;
    }
  }
  for (const id of await deps.outbox.listExpiredFailures(now, retentionBatchSize)) {
    await deps.outbox.deleteFailed(id);
    report.expiredMails++;
  }
  return report;
};
