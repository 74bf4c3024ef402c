import { SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../functions/db/client.ts';
import { addMinutes, retryDelaysMinutes } from '../../functions/domain/outbox/delivery-policy.ts';
import { sesMailer } from '../../functions/email/mailer.ts';
import { config } from '../../functions/runtime/config.ts';
import { deliverOutbox } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import { outboxRecipientsFor } from '../../functions/wiring/mail-recipients.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { poster, storedData, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 1000 } } });
const api = poster(cloud);
const stored = storedData(cloud);

// Given SES is down for the form function: its client is built on its first request (a cold
// start) from AWS_ENDPOINT_URL_SESV2, here a port nothing listens on.
beforeAll(() => {
  process.env.AWS_ENDPOINT_URL_SESV2 = 'http://127.0.0.1:9';
});

describe('an application while SES is down', () => {
  it('is kept and answered 201; its mails go out once SES is back', async () => {
    // When an SME applies
    const response = await api.json('/api/applications', validApplication());

    // Then the answer does not fail because of SES (nor wait for it past the function's timeout,
    // which the local runtime enforces with a 504)
    expect(response.status).toBe(201);
    const reference = response.json().reference as string;
    expect((await stored.applications().get(reference))?.submission.status).toBe('received');

    // And both mails wait in the outbox, their next try planned
    const queuedAt = new Date();
    for (const id of [`${reference}:acknowledgement`, `${reference}:staff`]) {
      expect(await stored.outbox().get(id, queuedAt)).toMatchObject({ status: 'pending', attempts: 1 });
    }
    expect(await mailbox(cloud().urls.mailViewer).all()).toEqual([]);

    // When SES is back and the scheduled job runs after the back-off
    const settings = config();
    const report = await deliverOutbox(
      {
        outbox: stored.outbox(),
        mailer: sesMailer({
          client: new SESv2Client({
            endpoint: cloud().urls.mailViewer,
            region: 'eu-west-3',
            credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
          }),
        }),
        networks: settings.networks,
        national: settings.national,
        senderDomain: settings.senderDomain,
        recipients: outboxRecipientsFor(documentClient(), settings),
      },
      addMinutes(queuedAt, retryDelaysMinutes[0] + 1),
    );

    // Then the SME and the staff get their mail, once
    expect(report).toEqual({ sent: 2, retried: 0, failed: 0 });
    const mails = await mailbox(cloud().urls.mailViewer).all();
    expect(mails.map((m) => m.destination.to).sort()).toEqual([
      ['alize@initiative-indre.example.org'],
      ['claire.martin@menuiserie.example.fr'],
    ]);
    expect(mails.every((m) => m.subject.includes(reference))).toBe(true);
  });
});
