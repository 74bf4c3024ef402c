import { describe, expect, it } from 'vitest';
import { botVerdict } from '../../functions/domain/public-forms/anti-bot.ts';

const now = new Date('2026-07-01T10:00:00Z');
const secondsAgo = (seconds: number) => now.getTime() - seconds * 1000;

describe('telling a naive bot from a person', () => {
  it('trusts a person who left the hidden field empty and took their time', () => {
    expect(botVerdict({ comment: '', formStartedAt: secondsAgo(90) }, now)).toEqual({ kind: 'human' });
    expect(botVerdict({ comment: '   ' }, now)).toEqual({ kind: 'human' });
  });

  it('applies no timing check without a stamp: the no-JavaScript form cannot set one', () => {
    expect(botVerdict({}, now)).toEqual({ kind: 'human' });
  });

  it('catches a filled honeypot, whatever else the form holds', () => {
    expect(botVerdict({ comment: 'Bob', formStartedAt: secondsAgo(90) }, now)).toEqual({
      kind: 'bot',
      reason: 'honeypot',
    });
    expect(botVerdict({ comment: ['a'] }, now)).toMatchObject({ kind: 'bot' });
  });

  it('catches a form posted less than 3 seconds after it was shown', () => {
    expect(botVerdict({ formStartedAt: secondsAgo(0) }, now)).toMatchObject({ reason: 'too-fast' });
    expect(botVerdict({ formStartedAt: secondsAgo(2.999) }, now)).toMatchObject({ reason: 'too-fast' });
    expect(botVerdict({ formStartedAt: String(secondsAgo(1)) }, now)).toMatchObject({ reason: 'too-fast' });
    expect(botVerdict({ formStartedAt: secondsAgo(3) }, now)).toEqual({ kind: 'human' });
  });

  it('trusts a stamp from the future (the visitor’s clock runs ahead) and ignores a malformed one', () => {
    expect(botVerdict({ formStartedAt: secondsAgo(-120) }, now)).toEqual({ kind: 'human' });
    expect(botVerdict({ formStartedAt: 'hier' }, now)).toEqual({ kind: 'human' });
  });
});
