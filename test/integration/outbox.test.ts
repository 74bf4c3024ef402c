import { SESv2Client } from '@aws-sdk/client-sesv2';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { itemKey } from '../../functions/db/keys.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { addMinutes, retryDelaysMinutes } from '../../functions/domain/outbox/delivery-policy.ts';
import { sesMailer } from '../../functions/email/mailer.ts';
import { config } from '../../functions/runtime/config.ts';
import { deliverOutbox, queueAndSend } from '../../functions/use-cases/outbox/deliver-outbox.ts';
import { outboxRecipientsFor } from '../../functions/wiring/mail-recipients.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';

const cloud = givenLocalCloud();

const mail = (subject: string) => ({
  from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
  to: ['dirigeante@pme.example.fr'],
  subject,
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
});

/** Real repositories over dynalite and a real SES client, pointed where the test says. */
const deps = (sesEndpoint = cloud().urls.mailViewer) => {
  const settings = config();
  const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
  return {
    outbox: outboxRepository(client, settings.dataTableName),
    recipients: outboxRecipientsFor(client, settings),
    mailer: sesMailer({
      client: new SESv2Client({
        endpoint: sesEndpoint,
        region: 'eu-west-3',
        credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
        maxAttempts: 1,
      }),
    }),
    networks: settings.networks,
    national: settings.national,
    senderDomain: settings.senderDomain,
  };
};

/** A port nothing listens on: SES is down. */
const sesDown = 'http://127.0.0.1:9';

let run = 0;
const uniqueId = (name: string) => `${name}-${Date.now()}-${run++}`;

describe('the mail outbox', () => {
  beforeEach(async () => {
    await mailbox(cloud().urls.mailViewer).clear();
  });

  it('delivers a queued mail when the scheduled job runs, and only once', async () => {
    // Given a mail waiting in the outbox
    const now = new Date();
    await deps().outbox.enqueue(
      { id: uniqueId('welcome'), network: 'indre', mail: mail('Votre demande est bien reçue') },
      now,
    );

    // When the schedule fires twice, through the local scheduler and the real handler
    const first = await cloud().scheduler.runNow('deliver-outbox');
    const second = await cloud().scheduler.runNow('deliver-outbox');

    // Then the recipient got exactly one mail
    expect(first).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(second).toEqual({ sent: 0, retried: 0, failed: 0 });
    const received = await mailbox(cloud().urls.mailViewer).all();
    expect(received).toHaveLength(1);
    expect(received[0]?.subject).toBe('Votre demande est bien reçue');
    expect(received[0]?.destination.to).toEqual(['dirigeante@pme.example.fr']);
    // From the network, its name encoded as SES wants it (RFC 2047), never a no-reply address
    expect(received[0]?.from).toBe('=?UTF-8?B?QWxpesOpIEluZHJl?= <indre@alize.example.org>');
    expect(Buffer.from('QWxpesOpIEluZHJl', 'base64').toString('utf8')).toBe('Alizé Indre');
  });

  it('keeps a single message when the same id is queued twice', async () => {
    const id = uniqueId('double-click');
    const now = new Date();

    const firstQueued = await deps().outbox.enqueue({ id, network: 'indre', mail: mail('Premier') }, now);
    const secondQueued = await deps().outbox.enqueue({ id, network: 'indre', mail: mail('Second') }, now);
    await deliverOutbox(deps(), now);

    expect([firstQueued?.id, secondQueued]).toEqual([id, undefined]);
    const received = await mailbox(cloud().urls.mailViewer).all();
    expect(received.map((m) => m.subject)).toEqual(['Premier']);
  });

  it('keeps the mail when SES is down and sends it once SES is back, after the back-off', async () => {
    // Given SES refuses connections
    const id = uniqueId('ses-down');
    const queuedAt = new Date();

    // When a mail is queued and sent at once, as a request does
    const sent = await queueAndSend(
      deps(sesDown),
      'indre',
      [{ id, mail: mail('Accusé de réception') }],
      queuedAt,
    );

    // Then nothing is lost: the message waits with its next attempt planned
    expect(sent).toMatchObject({ queued: [id], sentNow: 0, deferred: 1 });
    const waiting = await deps().outbox.get(id, queuedAt);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.any(String) });
    expect(new Date(waiting?.dueAt ?? 0).getTime()).toBe(
      addMinutes(queuedAt, retryDelaysMinutes[0]).getTime(),
    );

    // And a run before that time leaves it alone
    expect(await deliverOutbox(deps(), addMinutes(queuedAt, 1))).toEqual({ sent: 0, retried: 0, failed: 0 });

    // When SES is back and the retry time has come
    const report = await deliverOutbox(deps(), addMinutes(queuedAt, retryDelaysMinutes[0]));

    // Then the mail arrives
    expect(report.sent).toBe(1);
    expect((await mailbox(cloud().urls.mailViewer).all()).map((m) => m.subject)).toEqual([
      'Accusé de réception',
    ]);
    expect(await deps().outbox.get(id, addMinutes(queuedAt, 10))).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('tells the network’s staff when a mail could never be sent', async () => {
    // Given a mail SES refuses every time
    const id = uniqueId('never');
    let now = new Date();
    await deps().outbox.enqueue({ id, network: 'indre', mail: mail('Objet <b>piégé</b>') }, now);

    // When every retry has been spent
    for (let attempt = 0; attempt <= retryDelaysMinutes.length; attempt++) {
      await deliverOutbox(deps(sesDown), now);
      now = addMinutes(now, 24 * 60);
    }

    // Then the message is marked failed, and the alert reaches the Indre staff once SES answers
    expect(await deps().outbox.get(id, now)).toMatchObject({
      status: 'failed',
      attempts: retryDelaysMinutes.length + 1,
    });
    const report = await deliverOutbox(deps(), now);
    expect(report.sent).toBe(1);
    const [alert] = await mailbox(cloud().urls.mailViewer).all();
    expect(alert?.destination.to).toEqual(['alize@initiative-indre.example.org']);
    expect(alert?.subject).toContain('n’a pas pu être envoyé');
    expect(alert?.body.html).toContain('Objet &#60;b&#62;piégé&#60;/b&#62;');
    expect(alert?.body.text).toContain('dirigeante@pme.example.fr');
  });
});

describe('a mail queued beside the record it tells of', () => {
  it('is sent by the job once that record exists, and skipped if it was never written', async () => {
    await mailbox(cloud().urls.mailViewer).clear();
    // Given two mails queued by requests that died before sending them, each awaiting its record:
    // one whose record was written, one whose record's write failed
    const queuedAt = new Date();
    const written = itemKey(`OUTBOX-TEST#${uniqueId('record')}`, 'RECORD');
    await createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb)).send(
      new PutCommand({ TableName: config().dataTableName, Item: { ...written, entity: 'test-record' } }),
    );
    const claimedUntil = addMinutes(queuedAt, 10);
    await deps().outbox.enqueue(
      { id: uniqueId('kept'), network: 'indre', mail: mail('Votre candidature est reçue'), awaits: written },
      queuedAt,
      claimedUntil,
    );
    const orphan = uniqueId('orphan');
    await deps().outbox.enqueue(
      {
        id: orphan,
        network: 'indre',
        mail: mail('Une candidature jamais enregistrée'),
        awaits: itemKey(`OUTBOX-TEST#${uniqueId('never')}`, 'RECORD'),
      },
      queuedAt,
      claimedUntil,
    );

    // When the job runs before their claim has passed, then after
    expect((await deliverOutbox(deps(), addMinutes(queuedAt, 5))).sent).toBe(0);
    const report = await deliverOutbox(deps(), addMinutes(queuedAt, 11));

    // Then the mail whose record exists is sent, the other one is kept as skipped, never sent
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
    expect((await mailbox(cloud().urls.mailViewer).all()).map((m) => m.subject)).toEqual([
      'Votre candidature est reçue',
    ]);
    expect(await deps().outbox.get(orphan, addMinutes(queuedAt, 12))).toMatchObject({
      status: 'skipped',
      skipReason: 'orphaned',
    });
  });
});

describe('a queued mail’s state and body', () => {
  it('keeps the body apart, so that each change of state is billed one write unit, not the body’s size', async () => {
    // Given a mail of about 7 KB, queued and sent at once as a request does
    await mailbox(cloud().urls.mailViewer).clear();
    const id = uniqueId('heavy');
    const now = new Date();
    const heavy = { ...mail('Votre candidature est bien reçue'), html: `<p>${'Bonjour. '.repeat(800)}</p>` };
    const report = await queueAndSend(deps(), 'indre', [{ id, mail: heavy }], now);
    expect(report.sentNow).toBe(1);

    // Then the mail arrived whole, and the outbox still gives it whole
    expect((await mailbox(cloud().urls.mailViewer).all()).map((m) => m.body.html)).toEqual([heavy.html]);
    expect((await deps().outbox.get(id, now))?.mail.html).toBe(heavy.html);

    // And a change of its state (as marking it sent was) costs one write unit
    const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
    const { pk, sk } = { pk: `OUTBOX#${id}`, sk: 'OUTBOX' };
    const update = await client.send(
      new UpdateCommand({
        TableName: config().dataTableName,
        Key: { pk, sk },
        UpdateExpression: 'SET lastError = :none',
        ExpressionAttributeValues: { ':none': 'none' },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    expect(update.ConsumedCapacity?.CapacityUnits).toBe(1);
  });
});
