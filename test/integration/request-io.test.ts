import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { traceCalls } from '../support/call-trace.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

/**
 * What a person waits for: the DynamoDB and SES calls a request makes before it answers, counted on
 * the functions' own clients as the local front invokes the real handler. An instance's first
 * request also reads its keys and the catalogue; the figures are those of the next ones.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const post = poster(cloud);
const apply = () => post.json('/api/applications', validApplication(), { 'idempotency-key': randomUUID() });

describe('an SME’s application, on a warm instance', () => {
  it('answers after at most 5 round trips one after another, both mails sent, nothing read back', async () => {
    const trace = traceCalls();
    // Given an instance that has served one application already
    expect((await apply()).status).toBe(201);
    await mailbox(cloud().urls.mailViewer).clear();
    trace.reset();

    // When an SME applies
    const answer = await apply();

    // Then the answer came after at most 5 calls in sequence, with the two mails sent
    expect(answer.status).toBe(201);
    const calls = trace.calls();
    const summary = calls.map((call) => `${call.command} ${call.detail}`);
    expect(
      calls.filter((call) => call.service === 'ses'),
      summary.join('\n'),
    ).toHaveLength(2);
    expect(trace.sequential(), summary.join('\n')).toBeLessThanOrEqual(5);
    // And no outbox message was read back after it was written
    expect(
      calls.filter((call) => call.command === 'GetItemCommand' && call.detail.startsWith('OUTBOX#')),
    ).toEqual([]);
    expect(await mailbox(cloud().urls.mailViewer).all()).toHaveLength(2);
  });
});
