import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, type DocumentClient } from '../../functions/db/client.ts';
import { committeeRepository } from '../../functions/db/committee-repository.ts';
import { type ApplicationData, applicationKeys } from '../../functions/db/entities/application.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { sequenceOf } from '../../functions/domain/public-forms/reference.ts';
import type { Actor } from '../../functions/domain/staff/actor.ts';
import { config } from '../../functions/runtime/config.ts';
import type { ApplicationsDeps } from '../../functions/use-cases/applications/dependencies.ts';
import { recordDecisions } from '../../functions/use-cases/committee/committees.ts';
import type { MissionsDeps } from '../../functions/use-cases/missions/dependencies.ts';
import { changeMissionIntervention } from '../../functions/use-cases/missions/intervention-changes.ts';
import { closeApplicationMission } from '../../functions/use-cases/missions/mission-closing.ts';
import { startApplicationMission } from '../../functions/use-cases/missions/mission-launch.ts';
import {
  createApplicationMission,
  planMissionIntervention,
} from '../../functions/use-cases/missions/staff-missions.ts';
import { requestMailDependencies } from '../../functions/wiring/mail.ts';
import { missionDependencies } from '../../functions/wiring/mission-mail.ts';
import { staffDependencies } from '../../functions/wiring/staff-mail.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { ApiRequestRecord } from '../../infra/local/front.ts';
import { invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { staffAccounts } from '../../infra/local/staff-accounts.ts';
import { idempotencyHeader } from '../../shared/forms.ts';
import type { MissionView } from '../../shared/missions.ts';
import { poster, storedData, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox, type StoredMail } from '../support/local-cloud.ts';
import { isoDayFromToday as day, givenApplication, givenVolunteer, newMission } from '../support/missions.ts';
import { givenApplicationAt, givenCommittee } from '../support/reminders.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import { type SwitchableLink, switchableLink } from '../support/switchable-link.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * Faults a person would notice in the back office and on the forms: DynamoDB out of reach, a function
 * that dies right after one of its writes and the retry that follows, two staff deciding at once, a
 * token that expires while the back office is open. Each through the real handlers over HTTP (the
 * local front, its JWT authorizer), against dynalite and the local SES; only the crash is injected,
 * by a DocumentClient that lets the write through and then throws.
 *
 * Covered elsewhere, so not here:
 * - SES down while an SME applies (test/integration/applications-ses-down.test.ts), and for the
 *   outbox job itself (test/integration/outbox.test.ts, « keeps the mail when SES is down… »);
 * - a crash right after a status change's write, its SME mail sent by the next outbox run
 *   (test/integration/application-lifecycle.test.ts, « a crash between steps »); a crash between a
 *   mission's write and its application's move (missions.test.ts); a crash in the middle of the
 *   reminders run (reminders.test.ts); between an anonymisation's writes (privacy.test.ts);
 * - two staff moving one application at once, through the use case (application-lifecycle.test.ts);
 *   a stale mission version answered 409 (missions.test.ts);
 * - every broken token, expired included, refused with 401 on every staff route before the function
 *   runs (staff-authorization.test.ts).
 * The scheduled jobs' faults (SES down, run twice at once, the weeks the clocks change) are in
 * test/integration/faults-jobs.test.ts.
 */
const records: ApiRequestRecord[] = [];
const cloud = givenLocalCloud({
  settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } },
  onApiRequest: (record) => records.push(record),
});
const post = poster(cloud);
const stored = storedData(cloud);
const mails = () => mailbox(cloud().urls.mailViewer);
const mailsTo = async (address: string): Promise<StoredMail[]> =>
  (await mails().all()).filter((mail) => mail.destination.to.includes(address));

// Given the functions reach DynamoDB through a link the tests can cut: set before any of them
// builds its client (their first request is a cold start, which reads AWS_ENDPOINT_URL_DYNAMODB).
let dynamodb: SwitchableLink;
beforeAll(async () => {
  dynamodb = await switchableLink(cloud().urls.dynamodb);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamodb.url;
});
afterAll(async () => {
  await dynamodb?.stop();
});

const claireEmail = 'claire.bernard@initiative-indre.example.org';
/** Claire as the functions see her once the authorizer let her token in: the id is her token's `sub`. */
const claire: Actor = {
  id: staffAccounts.find((account) => account.email === claireEmail)?.sub ?? '',
  name: claireEmail,
  scope: { kind: 'network', network: 'indre' },
};

const tokens = () => staffTokens(cloud().issuer);
/** A colleague of Claire's in Indre: another person (another `sub`), the same network. */
const colleagueToken = () => tokens().withGroups(['indre']);

const call = async (
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
) =>
  fetch(`${cloud().urls.site}${path}`, {
    method,
    headers: {
      ...headers,
      accept: 'application/json',
      ...bearer(token ?? (await tokens().access(claireEmail))),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** The table read straight from dynalite, past the link: what is really stored. */
const db = () => createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
const table = () => config().dataTableName;
const applicationOf = async (reference: string) => (await stored.applications().get(reference))?.submission;

const unavailable = {
  error: 'unavailable',
  message: 'Le service ne répond pas pour le moment. Réessayez dans quelques minutes.',
};

describe('DynamoDB out of reach', () => {
  it('answers an SME’s application 503 in French, keeps nothing, and takes the same post once it is back', async () => {
    // Given an SME's application, and DynamoDB unreachable
    const application = validApplication();
    application.company.name = 'Scierie de la Panne';
    application.contact.email = 'gerant@scierie-panne.example.fr';
    const counterBefore = await stored.counter(sequenceOf.application, '36');
    await dynamodb.cut();

    // When the SME sends the form
    let answer: Awaited<ReturnType<typeof post.json>>;
    try {
      answer = await post.json('/api/applications', application);
    } finally {
      await dynamodb.restore();
    }

    // Then a clear French answer, nothing of the error's inside, nothing stored, nothing mailed
    expect(answer.status).toBe(503);
    expect(answer.json()).toEqual(unavailable);
    expect(answer.headers.get('retry-after')).toBe('60');
    expect(answer.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|Error/);
    expect(typographyFaults(unavailable.message)).toEqual([]);
    expect(await stored.counter(sequenceOf.application, '36')).toBe(counterBefore);
    const received = await stored.applications().listByNetworkAndStatus('indre', 'received');
    expect(received.filter((item) => item.data.company.name === 'Scierie de la Panne')).toEqual([]);
    expect(await mailsTo('gerant@scierie-panne.example.fr')).toEqual([]);

    // When DynamoDB is back and the SME sends the same form again
    const again = await post.json('/api/applications', application);

    // Then it is taken, once, and acknowledged once
    expect(again.status).toBe(201);
    const listed = await stored.applications().listByNetworkAndStatus('indre', 'received');
    expect(listed.filter((item) => item.data.company.name === 'Scierie de la Panne')).toHaveLength(1);
    expect(await mailsTo('gerant@scierie-panne.example.fr')).toHaveLength(1);
  });

  it('answers a staff member’s change and list 503 in French, and leaves the application as it was', async () => {
    // Given an application waiting in Indre's inbox, and DynamoDB unreachable
    const { reference } = await givenApplicationAt(new Date(Date.now() - 86_400_000).toISOString());
    const token = await tokens().access(claireEmail);
    await dynamodb.cut();

    // When Claire qualifies it, opens the inbox, and records an application taken by phone (a
    // route that keeps its answer for a retry, in DynamoDB too)
    let change: Response;
    let inbox: Response;
    let recorded: Response;
    try {
      change = await call(
        'POST',
        `/api/staff/applications/${reference}/transitions`,
        { to: 'qualified', version: 1 },
        token,
      );
      inbox = await call('GET', '/api/staff/applications', undefined, token);
      recorded = await call('POST', '/api/staff/applications', {}, token, {
        [idempotencyHeader]: `panne-${reference}`,
      });
    } finally {
      await dynamodb.restore();
    }

    // Then each says, in French, that the service does not answer, and nothing changed
    for (const answer of [change, inbox, recorded]) {
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual(unavailable);
    }
    expect(await applicationOf(reference)).toMatchObject({ status: 'received', version: 1 });

    // And once DynamoDB is back, the same change goes through
    const retried = await call(
      'POST',
      `/api/staff/applications/${reference}/transitions`,
      { to: 'qualified', version: 1 },
      token,
    );
    expect(retried.status).toBe(200);
    expect(await applicationOf(reference)).toMatchObject({ status: 'qualified', version: 2 });
  });
});

/**
 * A DocumentClient whose `crashAfter`-th write reaches DynamoDB, after which the function dies
 * before it hears back (a timeout, an out-of-memory): the write is done, nothing after it is — every
 * later call fails too, so that a step which would shrug off one error (a mail left to the outbox)
 * does not carry on as a dead function could not.
 */
const crashingClient = (crashAfter: number) => {
  const real = db();
  let writes = 0;
  let dead = false;
  const client = new Proxy(real, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return async (command: { constructor: { name: string } }) => {
        if (dead) throw new Error('Function crashed');
        const answer = await target.send(command as never);
        if (/^(Put|Update|Delete|BatchWrite|TransactWrite)/.test(command.constructor.name)) {
          writes++;
          if (writes === crashAfter) {
            dead = true;
            throw new Error('Function crashed');
          }
        }
        return answer;
      };
    },
  }) as DocumentClient;
  return { client, crashed: () => dead, done: () => real.destroy() };
};

/** The staff use cases' dependencies with every write going through `client`. */
const staffDepsOn = (client: DocumentClient): ApplicationsDeps => ({
  ...staffDependencies(),
  applications: submissionRepository<ApplicationData>(client, table(), applicationKeys),
  committees: committeeRepository(client, table()),
  mail: requestMailDependencies(client, config()),
});
const missionDepsOn = (client: DocumentClient): MissionsDeps => ({
  ...missionDependencies(),
  missions: missionRepository(client, table()),
  applications: submissionRepository<ApplicationData>(client, table(), applicationKeys),
  mail: requestMailDependencies(client, config()),
});

/** The outbox job a few minutes later: it sends what a crash left owed, and nothing twice. */
const outboxRunLater = () =>
  invokeHandler(
    'deliver-outbox',
    { schedule: 'deliver-outbox', scheduledTime: new Date(Date.now() + 10 * 60_000).toISOString() },
    60,
  );

interface Given {
  /** Whoever should receive this use case's mails, with the words their subject holds. */
  inbox: { address: string; subject: string; expected: number }[];
  run(deps: { staff: ApplicationsDeps; missions: MissionsDeps }): Promise<unknown>;
  retry(): Promise<Response>;
  /** After the retry: the one record, and the answer the retry gave. */
  check(answer: Response): Promise<void>;
}

const startedMission = async (overrides: { plan?: boolean; start?: boolean; done?: boolean } = {}) => {
  const deps = missionDependencies();
  const volunteer = await givenVolunteer();
  const smeEmail = `gerante-${volunteer.id}@pannes.example.fr`;
  const reference = await givenApplication('approved', { email: smeEmail });
  let mission = await createApplicationMission(deps, claire, reference, newMission(volunteer), new Date());
  mission = await planMissionIntervention(
    deps,
    claire,
    mission.id,
    { version: mission.version, date: day(-2), slot: 'morning' },
    new Date(),
  );
  if (overrides.start !== false)
    mission = await startApplicationMission(
      deps,
      claire,
      mission.id,
      { version: mission.version },
      new Date(),
    );
  if (overrides.done)
    mission = await changeMissionIntervention(
      deps,
      claire,
      mission.id,
      'I1',
      { action: 'done', version: mission.version },
      new Date(),
    );
  return { mission, reference, volunteer, smeEmail };
};

const missionOf = async (id: string) => {
  const client = db();
  const [reference = '', number = ''] = id.split(/-M(?=\d+$)/);
  const found = await missionRepository(client, table()).forApplication(reference);
  client.destroy();
  return found?.missions.find((mission) => mission.number === Number(number));
};

const expectMissionAnswer = async (answer: Response, id: string, status: string, version: number) => {
  expect(answer.status).toBe(200);
  const view = (await answer.json()) as MissionView;
  expect(view).toMatchObject({ id, status, version });
  expect((await missionOf(id))?.version).toBe(version);
};

// One committee a day per network: each case its own day.
let committeeDays = 30;

const useCases: [string, () => Promise<Given>][] = [
  [
    'a committee’s decision',
    async () => {
      const committee = await givenCommittee('indre', day(committeeDays++));
      const application = await givenApplicationAt(new Date(Date.now() - 40 * 86_400_000).toISOString(), {
        status: 'scheduled',
        committee,
      });
      const { reference } = application;
      const sheet = {
        decisions: [{ reference, version: 2, decision: 'approved', reason: 'Besoin clair.' }],
      };
      return {
        inbox: [{ address: application.data.contact.email, subject: 'retenu', expected: 1 }],
        run: ({ staff }) => recordDecisions(staff, claire, committee.id, sheet, new Date()),
        retry: () => call('POST', `/api/staff/committees/${committee.id}/decisions`, sheet),
        async check(answer) {
          expect(answer.status).toBe(200);
          expect(await answer.json()).toEqual({
            results: [{ reference, outcome: 'recorded', status: 'approved', version: 3 }],
          });
          const after = await applicationOf(reference);
          expect(after?.history.filter((line) => line.to === 'approved')).toHaveLength(1);
          const client = db();
          const decisions = (await committeeRepository(client, table()).get(committee.id))?.decisions;
          client.destroy();
          expect(decisions?.map((decision) => [decision.reference, decision.decision])).toEqual([
            [reference, 'approved'],
          ]);
        },
      };
    },
  ],
  [
    'a mission started',
    async () => {
      const { mission, volunteer, smeEmail } = await startedMission({ start: false });
      return {
        inbox: [
          { address: volunteer.email, subject: 'Votre mission Alizé', expected: 1 },
          { address: smeEmail, subject: 'vous accompagne', expected: 1 },
        ],
        run: ({ missions }) =>
          startApplicationMission(missions, claire, mission.id, { version: mission.version }, new Date()),
        retry: () => call('POST', `/api/staff/missions/${mission.id}/start`, { version: mission.version }),
        async check(answer) {
          await expectMissionAnswer(answer, mission.id, 'active', mission.version + 1);
          const history = (await missionOf(mission.id))?.history ?? [];
          expect(history.filter((line) => line.change === 'started')).toHaveLength(1);
        },
      };
    },
  ],
  [
    'a half-day logged as done',
    async () => {
      const { mission, volunteer, smeEmail } = await startedMission();
      const change = { action: 'done', version: mission.version, note: 'Diagnostic fait' };
      return {
        // Logging a half-day mails nobody: the start's mails stay one each.
        inbox: [
          { address: volunteer.email, subject: '', expected: 1 },
          { address: smeEmail, subject: '', expected: 1 },
        ],
        run: ({ missions }) =>
          changeMissionIntervention(missions, claire, mission.id, 'I1', change, new Date()),
        retry: () => call('POST', `/api/staff/missions/${mission.id}/interventions/I1`, change),
        async check(answer) {
          await expectMissionAnswer(answer, mission.id, 'active', mission.version + 1);
          const stored = await missionOf(mission.id);
          expect(stored?.interventions[0]?.status).toBe('done');
          expect(stored?.history.filter((line) => line.change === 'done')).toHaveLength(1);
        },
      };
    },
  ],
  [
    'a mission closed with its outcome forms mailed',
    async () => {
      const { mission, volunteer, smeEmail } = await startedMission({ done: true });
      const closing = { mode: 'ask', version: mission.version };
      return {
        inbox: [
          { address: volunteer.email, subject: 'votre avis', expected: 1 },
          { address: smeEmail, subject: 'votre bilan', expected: 1 },
        ],
        run: ({ missions }) => closeApplicationMission(missions, claire, mission.id, closing, new Date()),
        retry: () => call('POST', `/api/staff/missions/${mission.id}/closing`, closing),
        async check(answer) {
          await expectMissionAnswer(answer, mission.id, 'closing', mission.version + 1);
          const history = (await missionOf(mission.id))?.history ?? [];
          expect(history.filter((line) => line.change === 'closing')).toHaveLength(1);
        },
      };
    },
  ],
  [
    'a mission closed with the outcomes staff enter',
    async () => {
      const { mission, reference } = await startedMission({ done: true });
      const closing = {
        mode: 'outcomes',
        version: mission.version,
        sme: { jobsCreated: 1, jobsMaintained: 6, satisfaction: 5 },
      };
      return {
        inbox: [],
        run: ({ missions }) => closeApplicationMission(missions, claire, mission.id, closing, new Date()),
        retry: () => call('POST', `/api/staff/missions/${mission.id}/closing`, closing),
        async check(answer) {
          await expectMissionAnswer(answer, mission.id, 'closed', mission.version + 1);
          // Its only mission closed, the application is closed too, once
          const application = await applicationOf(reference);
          expect(application?.status).toBe('closed');
          expect(application?.history.filter((line) => line.to === 'closed')).toHaveLength(1);
        },
      };
    },
  ],
];

describe('a function that dies right after one of its writes, then the retry', () => {
  it.each(useCases)(
    '%s: after a crash at each write, the retry answers as the first would have, with one record and one mail each',
    async (_name, given) => {
      let crashes = 0;
      for (let crashAfter = 1; ; crashAfter++) {
        // Given the use case's starting point, and a function that dies after its n-th write
        const useCase = await given();
        const counts = async () =>
          Promise.all(
            useCase.inbox.map(async ({ address, subject }) =>
              (await mailsTo(address)).filter((mail) => mail.subject.includes(subject)),
            ),
          );
        const { client, crashed, done } = crashingClient(crashAfter);
        const deps = { staff: staffDepsOn(client), missions: missionDepsOn(client) };

        // When staff act, and the function dies (its answer lost, whatever it would have said)
        const outcome = await useCase.run(deps).then(
          () => undefined,
          (error: Error) => error,
        );
        done();
        // Fewer writes than that: every write has had its crash.
        if (!crashed()) {
          expect(outcome, 'the use case without a crash').toBeUndefined();
          break;
        }
        crashes++;
        if (outcome) expect(outcome.message, `crash after write ${crashAfter}`).toBe('Function crashed');

        // And the staff member retries from the back office, then the outbox job runs
        const answer = await useCase.retry();
        await useCase.check(answer);
        await outboxRunLater();

        // Then each person got their mail once
        const received = await counts();
        useCase.inbox.forEach(({ address, expected }, index) => {
          expect(received[index], `${address}, crash after write ${crashAfter}`).toHaveLength(expected);
        });
      }
      expect(crashes).toBeGreaterThan(0);
    },
    180_000,
  );
});

describe('two staff deciding at once on one application', () => {
  it('lets one change of status win; the other is answered 409 in French with the application as it is', async () => {
    // Given an application on Claire's and a colleague's screens, at version 1
    const application = await givenApplicationAt(new Date(Date.now() - 86_400_000).toISOString());
    const { reference } = application;
    const [claireToken, colleague] = await Promise.all([tokens().access(claireEmail), colleagueToken()]);

    // When Claire qualifies it while her colleague declares it ineligible
    const answers = await Promise.all([
      call(
        'POST',
        `/api/staff/applications/${reference}/transitions`,
        { to: 'qualified', version: 1 },
        claireToken,
      ),
      call(
        'POST',
        `/api/staff/applications/${reference}/transitions`,
        { to: 'ineligible', version: 1, reason: 'Hors du périmètre du programme.' },
        colleague,
      ),
    ]);

    // Then one is taken, the other refused with the current state to read
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const won = answers.find((answer) => answer.status === 200) as Response;
    const lost = answers.find((answer) => answer.status === 409) as Response;
    const winner = (await won.json()) as { status: string };
    const refusal = (await lost.json()) as { error: string; message: string; current: { status: string } };
    expect(refusal).toMatchObject({
      error: 'stale_version',
      message:
        'Quelqu’un a modifié cette candidature pendant que vous la consultiez. Voici son état actuel\u00a0: relisez-la avant d’agir à nouveau.',
      current: { status: winner.status, version: 2 },
    });
    expect(typographyFaults(refusal.message)).toEqual([]);

    // And the application holds that one change; the SME is told only if the winner tells
    const after = await applicationOf(reference);
    expect(after).toMatchObject({ status: winner.status, version: 2 });
    expect(after?.history).toHaveLength(2);
    await outboxRunLater();
    expect(await mailsTo(application.data.contact.email)).toHaveLength(
      winner.status === 'ineligible' ? 1 : 0,
    );
  });

  it('records one committee decision of two sheets sent at once; the other sheet says, in French, it came too late', async () => {
    // Given an application on a committee's agenda, on two staff members' decision sheets
    const committee = await givenCommittee('indre', day(400));
    const application = await givenApplicationAt(new Date(Date.now() - 40 * 86_400_000).toISOString(), {
      status: 'scheduled',
      committee,
    });
    const { reference } = application;
    const [claireToken, colleague] = await Promise.all([tokens().access(claireEmail), colleagueToken()]);
    const sheet = (decision: string, reason?: string) => ({
      decisions: [{ reference, version: 2, decision, ...(reason ? { reason } : {}) }],
    });

    // When one records « approved » while the other records « rejected »
    const answers = await Promise.all([
      call('POST', `/api/staff/committees/${committee.id}/decisions`, sheet('approved'), claireToken),
      call(
        'POST',
        `/api/staff/committees/${committee.id}/decisions`,
        sheet('rejected', 'Le projet ne relève pas d’un mécénat de compétences.'),
        colleague,
      ),
    ]);

    // Then each sheet is answered (a sheet holds many decisions), one decision recorded, the other refused
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const results = await Promise.all(
      answers.map(
        async (answer) => ((await answer.json()) as { results: Record<string, unknown>[] }).results[0],
      ),
    );
    const recorded = results.filter((result) => result?.outcome === 'recorded');
    const refused = results.filter((result) => result?.outcome === 'refused');
    expect(recorded).toHaveLength(1);
    expect(refused).toEqual([
      {
        reference,
        outcome: 'refused',
        error: 'stale_version',
        message:
          'Quelqu’un a modifié cette candidature pendant que vous la consultiez. Voici son état actuel\u00a0: relisez-la avant d’agir à nouveau.',
      },
    ]);

    // And the committee and the application hold that one decision; the SME gets one mail
    const decided = recorded[0]?.status as string;
    const client = db();
    const decisions = (await committeeRepository(client, table()).get(committee.id))?.decisions ?? [];
    client.destroy();
    expect(decisions.map((decision) => decision.decision)).toEqual([decided]);
    expect(await applicationOf(reference)).toMatchObject({ status: decided, version: 3 });
    await outboxRunLater();
    expect(await mailsTo(application.data.contact.email)).toHaveLength(1);
  });
});

describe('a token that expires while the back office is open', () => {
  it('answers 401 from the gateway to the next change, which does not run, and takes it with the new token', async () => {
    // Given Claire's back office open, its access token good for a few more seconds
    const application = await givenApplicationAt(new Date(Date.now() - 86_400_000).toISOString());
    const { reference } = application;
    await call('GET', `/api/staff/applications/${reference}`);
    const issued = decodeJwt(await tokens().access(claireEmail));
    const expiresAt = Math.floor(Date.now() / 1000) + 4;
    const shortLived = await tokens().signed({ ...issued, exp: expiresAt });
    const opened = await call('GET', `/api/staff/applications/${reference}`, undefined, shortLived);
    expect(opened.status).toBe(200);

    // When the token's time is up and she qualifies the application
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (expiresAt + 1) * 1000 - Date.now())));
    records.length = 0;
    const refused = await call(
      'POST',
      `/api/staff/applications/${reference}/transitions`,
      { to: 'qualified', version: 1 },
      shortLived,
    );

    // Then the gateway's 401, which the back office answers by refreshing the token, not a 500 or a 404
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ message: 'Unauthorized' });
    expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
    expect(records).toEqual([expect.objectContaining({ invoked: false, statusCode: 401 })]);
    expect(await applicationOf(reference)).toMatchObject({ status: 'received', version: 1 });

    // And the same change with the refreshed token is taken, once
    const retried = await call('POST', `/api/staff/applications/${reference}/transitions`, {
      to: 'qualified',
      version: 1,
    });
    expect(retried.status).toBe(200);
    expect(await applicationOf(reference)).toMatchObject({ status: 'qualified', version: 2 });
  });
});
