import { minimumFillMilliseconds } from '../../shared/forms.ts';

/**
 * Naive bots fill every field, hidden ones included, and post a form the instant they load it.
 * People never see the `comment` field, and the page's script stamps `formStartedAt` (epoch ms)
 * when the form is shown; the no-JavaScript form has no stamp, so no timing check applies to it.
 * A bot is answered as if it succeeded, so it learns nothing; nothing is stored or sent.
 */
export type BotVerdict = { kind: 'human' } | { kind: 'bot'; reason: 'honeypot' | 'too-fast' };

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

/** A believable sequence number for the answer a bot gets (never stored, never counted). */
export const decoySequence = (random: () => number): number => 1 + Math.floor(random() * 400);
