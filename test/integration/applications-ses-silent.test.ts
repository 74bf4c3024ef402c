import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../infra/config.ts';
import { poster, storedData, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const api = poster(cloud);
const stored = storedData(cloud);

// Given SES accepts the form function's connections and never answers (a stalled network, an
// overloaded endpoint): unlike SES down, nothing fails fast. Its client is built on the function's
// first request from AWS_ENDPOINT_URL_SESV2.
let silent: Server;
beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_SESV2 = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('an application while SES never answers', () => {
  it('is answered 201 before the function times out, kept once, its mails left to the outbox', async () => {
    const before = (await stored.applications().listByNetworkAndStatus('indre', 'received')).length;
    const key = crypto.randomUUID();

    // When an SME applies
    const response = await api.json('/api/applications', validApplication(), { 'idempotency-key': key });

    // Then the answer is the 201, not the 500 of a function held past its timeout
    expect(response.status).toBe(201);
    const reference = response.json().reference as string;

    // And both mails wait in the outbox for the scheduled job
    for (const id of [`${reference}:acknowledgement`, `${reference}:staff`]) {
      expect(await stored.outbox().get(id, new Date())).toMatchObject({ status: 'pending', attempts: 1 });
    }
    expect(await mailbox(cloud().urls.mailViewer).all()).toEqual([]);

    // When the page sends again under the same Idempotency-Key (a person who thought it failed)
    const again = await api.json('/api/applications', validApplication(), { 'idempotency-key': key });

    // Then the same reference comes back, and one application is stored
    expect(again.status).toBe(201);
    expect(again.json().reference).toBe(reference);
    const after = await stored.applications().listByNetworkAndStatus('indre', 'received');
    expect(after.length - before).toBe(1);
  });
});
