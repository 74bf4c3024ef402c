import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../functions/db/client.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { MissionView } from '../../shared/missions.ts';
import { validApplication } from '../support/form-posts.ts';
import { mailbox, type StoredMail } from '../support/local-cloud.ts';
import { isoDayFromToday as day, givenApplication, givenVolunteer, newMission } from '../support/missions.ts';

/**
 * Load against a running local cloud, from the outside as browsers and the back office would: N
 * clients post valid applications (each with its own Idempotency-Key) while M staff clients read the
 * inbox and log half-days on missions of their own, for a fixed time. Every answer's status and
 * latency is kept; afterwards what a person would notice is counted (no 5xx, one stored
 * application per 201, two mails each, none twice, no reference twice). Then the same concurrency
 * of plain SDK PutItem calls straight to dynalite, for as long, as the floor to compare with.
 * Counts are for tests to assert; timings are only reported.
 */
export interface LoadOptions {
  /** The local front: `cloud.urls.site`. */
  site: string;
  dynamodbEndpoint: string;
  /** The SES emulator: `cloud.urls.mailViewer`. */
  mailViewer: string;
  durationMs: number;
  submitters: number;
  staffClients: number;
  /** An access token of an Indre staff member (the applications of validApplication() go to Indre). */
  staffToken: string;
  /** Fires the deliver-outbox job (`cloud.scheduler.runNow('deliver-outbox')`): mail left to it is counted too. */
  deliverOutbox: () => Promise<unknown>;
  /** Clients of the PutItem baseline; as many as submitters by default, 0 to skip it (a test of counts). */
  baselineClients?: number;
}

export type CallKind = 'application' | 'inbox' | 'plan' | 'done' | 'putItem';

export interface Call {
  kind: CallKind;
  status: number;
  ms: number;
}

export interface Figures {
  calls: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

export interface LoadChecks {
  serverErrors: number;
  created: number;
  /** Applications of Indre at « received » that the load added, read through the repository. */
  stored: number;
  /** References answered 201 that the repository does not hold, and the other way round. */
  createdNotStored: string[];
  storedNotCreated: string[];
  duplicateReferences: string[];
  mailsExpected: number;
  /** In the mailbox when the last answer came, before any outbox run. */
  mailsSentDuringRequests: number;
  mails: number;
  /** `subject | recipient | reference` seen more than once. */
  doubledMails: string[];
  /** `reference:acknowledgement|staff` with no mail in the mailbox, and their outbox status. */
  missingMails: string[];
  /** Mails of the load that no 201 answer accounts for. */
  strayMails: number;
}

export interface LoadResult {
  durationMs: number;
  submitters: number;
  staffClients: number;
  baselineClients: number;
  figures: Record<CallKind, Figures>;
  /** p99(application) / p99(PutItem); NaN without a baseline. */
  p99Ratio: number;
  checks: LoadChecks;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);

const figuresOf = (calls: Call[], durationMs: number): Figures => {
  const sorted = calls.map((call) => call.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const call of calls) statuses[call.status] = (statuses[call.status] ?? 0) + 1;
  return {
    calls: calls.length,
    perSecond: calls.length / (durationMs / 1000),
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    statuses,
  };
};

/** Runs `client` in `count` parallel loops until the deadline; a call in flight then finishes. */
const during = async (durationMs: number, count: number, client: (index: number) => Promise<void>) => {
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      while (Date.now() < deadline) await client(index);
    }),
  );
};

const timed = async (kind: CallKind, into: Call[], request: () => Promise<Response>) => {
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const response = await request();
    text = await response.text();
    status = response.status;
  } catch {
    // No answer at all (connection refused or reset): counted as a 5xx-like failure below.
    status = 599;
  }
  into.push({ kind, status, ms: performance.now() - started });
  return { status, text };
};

const referencePattern = /ALZ-\d{2}-\d{4}-\d+/;

const mailIdentity = (mail: StoredMail) => {
  const reference =
    referencePattern.exec(mail.subject)?.[0] ?? referencePattern.exec(mail.body.text ?? '')?.[0];
  return { reference, keys: mail.destination.to.map((to) => `${mail.subject} | ${to} | ${reference}`) };
};

export const runLoad = async (options: LoadOptions): Promise<LoadResult> => {
  const { site, durationMs, submitters, staffClients, staffToken } = options;
  const baselineClients = options.baselineClients ?? submitters;
  const tableName = config().dataTableName;
  const db = createDocumentClient(localDynamoDbClient(options.dynamodbEndpoint));
  const applications = submissionRepository<ApplicationData>(db, tableName, applicationKeys);
  const outbox = outboxRepository(db, tableName);
  const mails = mailbox(options.mailViewer);
  const staff = (method: string, path: string, body?: unknown) =>
    fetch(`${site}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${staffToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const submit = () =>
    fetch(`${site}/api/applications`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(validApplication()),
    });

  try {
    // Given one active mission per staff client, long and wide enough for every half-day it logs
    const missions: { id: string; version: number; nextDay: number; slot: 'morning' | 'afternoon' }[] = [];
    for (let index = 0; index < staffClients; index++) {
      const volunteer = await givenVolunteer();
      const reference = await givenApplication('approved');
      const created = await staff(
        'POST',
        `/api/staff/applications/${reference}/missions`,
        newMission(volunteer, { plannedHalfDays: 400, startDate: day(-400), endDate: day(100) }),
      );
      if (created.status !== 201)
        throw new Error(`mission not created: ${created.status} ${await created.text()}`);
      const mission = (await created.json()) as MissionView;
      const started = await staff('POST', `/api/staff/missions/${mission.id}/start`, {
        version: mission.version,
      });
      if (started.status !== 200)
        throw new Error(`mission not started: ${started.status} ${await started.text()}`);
      const active = (await started.json()) as MissionView;
      missions.push({ id: active.id, version: active.version, nextDay: -400, slot: 'morning' });
    }
    // One application first, outside the figures: the first call of a handler loads its module
    // (a cold start, once per process here), which says nothing about the load.
    const warm = await submit();
    if (warm.status !== 201) throw new Error(`warm-up application answered ${warm.status}`);
    await options.deliverOutbox();
    await mails.clear();
    const before = new Set(
      (await applications.listByNetworkAndStatus('indre', 'received')).map((a) => a.reference),
    );

    // When the clients submit and the staff work at the same time, for the duration
    const calls: Call[] = [];
    const references: string[] = [];
    const submitter = async () => {
      const { status, text } = await timed('application', calls, submit);
      if (status === 201) references.push((JSON.parse(text) as { reference: string }).reference);
    };
    const staffClient = async (index: number) => {
      const mission = missions[index];
      if (!mission) return;
      await timed('inbox', calls, () => staff('GET', '/api/staff/applications'));
      const date = day(mission.nextDay);
      const slot = mission.slot;
      if (slot === 'morning') mission.slot = 'afternoon';
      else {
        mission.slot = 'morning';
        mission.nextDay++;
      }
      const planned = await timed('plan', calls, () =>
        staff('POST', `/api/staff/missions/${mission.id}/interventions`, {
          version: mission.version,
          date,
          slot,
        }),
      );
      if (planned.status !== 200 && planned.status !== 201) return;
      let view = JSON.parse(planned.text) as MissionView;
      mission.version = view.version;
      const intervention = view.interventions.find((i) => i.date === date && i.slot === slot);
      const done = await timed('done', calls, () =>
        staff('POST', `/api/staff/missions/${mission.id}/interventions/${intervention?.id}`, {
          action: 'done',
          version: mission.version,
        }),
      );
      if (done.status !== 200) return;
      view = JSON.parse(done.text) as MissionView;
      mission.version = view.version;
    };
    await Promise.all([
      during(durationMs, submitters, submitter),
      during(durationMs, staffClients, staffClient),
    ]);
    const sentDuringRequests = (await mails.all()).length;

    // Then the outbox job runs once, as it would within five minutes, before the mail is counted
    await options.deliverOutbox();
    const received = await mails.all();
    const after = (await applications.listByNetworkAndStatus('indre', 'received')).map((a) => a.reference);
    const added = after.filter((reference) => !before.has(reference));

    const seen = new Map<string, number>();
    const mailed = new Set<string>();
    let strayMails = 0;
    const answered = new Set(references);
    for (const mail of received) {
      const { reference, keys } = mailIdentity(mail);
      if (!reference || !answered.has(reference)) strayMails++;
      if (reference)
        mailed.add(`${reference}:${mail.subject.startsWith('Votre demande') ? 'acknowledgement' : 'staff'}`);
      for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const missingMails: string[] = [];
    for (const reference of answered) {
      for (const kind of ['acknowledgement', 'staff']) {
        const id = `${reference}:${kind}`;
        if (mailed.has(id)) continue;
        const message = await outbox.get(id, new Date());
        missingMails.push(
          `${id} (${message ? `${message.status}, ${message.attempts} essai(s), ${message.lastError ?? ''}` : 'absent de la file'})`,
        );
      }
    }
    const storedSet = new Set(added);
    const counts = new Map<string, number>();
    for (const reference of references) counts.set(reference, (counts.get(reference) ?? 0) + 1);

    const checks: LoadChecks = {
      serverErrors: calls.filter((call) => call.status >= 500).length,
      created: references.length,
      stored: added.length,
      createdNotStored: references.filter((reference) => !storedSet.has(reference)),
      storedNotCreated: added.filter((reference) => !answered.has(reference)),
      duplicateReferences: [...counts].filter(([, count]) => count > 1).map(([reference]) => reference),
      mailsExpected: 2 * references.length,
      mailsSentDuringRequests: sentDuringRequests,
      mails: received.length,
      doubledMails: [...seen].filter(([, count]) => count > 1).map(([key]) => key),
      missingMails,
      strayMails,
    };

    // And the floor: as many clients putting an item of the same size straight into dynalite
    const raw = localDynamoDbClient(options.dynamodbEndpoint);
    const payload = JSON.stringify(validApplication());
    const puts: Call[] = [];
    await during(durationMs, baselineClients, async () => {
      const started = performance.now();
      let status = 200;
      try {
        await raw.send(
          new PutItemCommand({
            TableName: tableName,
            Item: { pk: { S: `LOAD#${randomUUID()}` }, sk: { S: 'PUT' }, payload: { S: payload } },
          }),
        );
      } catch (error) {
        status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 599;
      }
      puts.push({ kind: 'putItem', status, ms: performance.now() - started });
    });
    raw.destroy();

    const of = (kind: CallKind) =>
      figuresOf(kind === 'putItem' ? puts : calls.filter((c) => c.kind === kind), durationMs);
    const figures = {
      application: of('application'),
      inbox: of('inbox'),
      plan: of('plan'),
      done: of('done'),
      putItem: of('putItem'),
    };
    return {
      durationMs,
      submitters,
      staffClients,
      baselineClients,
      figures,
      p99Ratio: figures.application.p99Ms / figures.putItem.p99Ms,
      checks,
    };
  } finally {
    db.destroy();
  }
};

/** Each count a person would notice, with what it should be: the rows `npm run load` prints, and its verdict. */
export const countChecks = ({ checks }: LoadResult) => {
  const row = (check: string, expected: number, measured: number, detail: readonly string[] = []) => ({
    contrôle: check,
    attendu: expected,
    mesuré: measured,
    résultat:
      expected === measured ? 'ok' : `ÉCART${detail.length ? ` (${detail.slice(0, 3).join(', ')})` : ''}`,
  });
  return [
    row('réponses 5xx', 0, checks.serverErrors),
    row('candidatures enregistrées (= réponses 201)', checks.created, checks.stored, [
      ...checks.createdNotStored,
      ...checks.storedNotCreated,
    ]),
    row('courriels envoyés (= 2 × 201)', checks.mailsExpected, checks.mails, checks.missingMails),
    row('courriels en double', 0, checks.doubledMails.length, checks.doubledMails),
    row('courriels sans réponse 201', 0, checks.strayMails),
    row('références en double', 0, checks.duplicateReferences.length, checks.duplicateReferences),
  ];
};
