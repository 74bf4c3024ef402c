import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { forms } from '../../shared/forms.ts';
import { traceCalls } from '../support/call-trace.ts';
import { poster, validApplication, validContactMessage, validPartnerOffer } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

/**
 * What a person waits for: the DynamoDB and SES calls a request makes before it answers, counted on
 * the functions' own clients as the local front invokes the real handler. An instance's first
 * request also reads its keys and the catalogue; the figures are those of the next ones.
 */
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const post = poster(cloud);

describe.each([
  ['an SME’s application', forms.application.endpoint, validApplication],
  ['a partner company’s offer', forms.partnerOffer.endpoint, validPartnerOffer],
  ['a message to Alizé', forms.contactMessage.endpoint, validContactMessage],
] as const)('%s, on a warm instance', (_name, endpoint, valid) => {
  const send = () => post.json(endpoint, valid(), { 'idempotency-key': randomUUID() });

  it('answers after at most 5 round trips one after another, both mails sent, nothing read back', async () => {
    const trace = traceCalls();
    // Given an instance that has served one already
    expect((await send()).status).toBe(201);
    await mailbox(cloud().urls.mailViewer).clear();
    trace.reset();

    // When it is sent
    const answer = await send();

    // Then the answer came after at most 5 calls in sequence, with the two mails sent
    expect(answer.status).toBe(201);
    const calls = trace.calls();
    const summary = calls.map((call) => `${call.command} ${call.detail}`).join('\n');
    expect(
      calls.filter((call) => call.service === 'ses'),
      summary,
    ).toHaveLength(2);
    expect(trace.sequential(), summary).toBeLessThanOrEqual(5);
    // And no outbox message was read back after it was written
    expect(
      calls.filter((call) => call.command === 'GetItemCommand' && call.detail.startsWith('OUTBOX#')),
      summary,
    ).toEqual([]);
    expect(await mailbox(cloud().urls.mailViewer).all()).toHaveLength(2);
  });
});
