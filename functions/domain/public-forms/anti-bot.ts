import { minimumFillMilliseconds } from '../../../shared/forms.ts';

/**
 * Naive bots fill every field, hidden ones included, and post a form the instant they load it.
 * People never see the `comment` field, and the page's script stamps `formStartedAt` (epoch ms)
 * when the form is shown; the no-JavaScript form has no stamp, so no timing check applies to it.
 * Either sign may also come from a person whose browser autofilled the form: such a submission is
 * answered as if it succeeded (a bot learns nothing) and kept in quarantine, never mailed.
 */
export type BotReason = 'honeypot' | 'too-fast';
export type BotVerdict = { kind: 'human' } | { kind: 'bot'; reason: BotReason };

const startedAt = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

/** Reads the raw posted values: a malformed field elsewhere in the form must not hide a bot. */
export const botVerdict = (fields: { comment?: unknown; formStartedAt?: unknown }, now: Date): BotVerdict => {
  const { comment } = fields;
  const filled =
    typeof comment === 'string' ? comment.trim() !== '' : comment !== undefined && comment !== null;
  if (filled) return { kind: 'bot', reason: 'honeypot' };
  const started = startedAt(fields.formStartedAt);
  if (started !== undefined) {
    const elapsed = now.getTime() - started;
    // A start in the future means the visitor's clock is ahead of ours: we cannot tell, so we trust.
    if (elapsed >= 0 && elapsed < minimumFillMilliseconds) return { kind: 'bot', reason: 'too-fast' };
  }
  return { kind: 'human' };
};
