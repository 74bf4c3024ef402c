import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { applicationKeys } from '../../functions/db/entities/application.ts';
import { submissionRepository } from '../../functions/db/submission-repository.ts';
import { StaleVersionError, TransitionRefusedError } from '../../functions/domain/applications/lifecycle.ts';
import { NotFoundError } from '../../functions/domain/errors.ts';
import type { Actor } from '../../functions/domain/staff/actor.ts';
import { config } from '../../functions/runtime/config.ts';
import {
  readApplicationStatus,
  sendStatusLink,
} from '../../functions/use-cases/applications/application-status.ts';
import type { ApplicationsDeps } from '../../functions/use-cases/applications/dependencies.ts';
import { moveApplication } from '../../functions/use-cases/applications/move-application.ts';
import { sendOwedNotices } from '../../functions/use-cases/applications/notify-applicant.ts';
import { listInbox, readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import { recordApplication } from '../../functions/use-cases/applications/record-application.ts';
import {
  readCommittee,
  recordDecisions,
  scheduleCommittee,
} from '../../functions/use-cases/committee/committees.ts';
import { applicationDependencies } from '../../functions/wiring/company-forms.ts';
import { staffDependencies } from '../../functions/wiring/staff-mail.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { ApplicationView } from '../../shared/staff-api.ts';
import { poster, validApplication } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { allowedMoves, claire, nadia, paul } from '../support/staff-actors.ts';
import { typographyFaults } from '../support/typography.ts';

/**
 * The application's life in the back office, through the real use cases against dynalite and the
 * local SES server: what staff do, what is stored with its history, what the SME receives.
 */
// Many posts from one address: the hourly limit is not what is tested here.
const cloud = givenLocalCloud({ settings: { ...readSettingsFile(), forms: { rateLimitPerHour: 10_000 } } });
const post = poster(cloud);
const mail = () => mailbox(cloud().urls.mailViewer);

const claireColleague: Actor = {
  ...claire,
  id: 'sub-marc',
  name: 'marc.dubois@initiative-indre.example.org',
};

const deps = () => staffDependencies();
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A new application each time: the same body twice would be one submission (idempotency). */
let posted = 0;
const submitted = async (email = `gerante-${++posted}@lifecycle.example.fr`) => {
  const application = validApplication();
  application.contact.email = email;
  const answer = await post.json('/api/applications', application);
  expect(answer.status).toBe(201);
  return answer.json().reference as string;
};

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the move was not refused');
};

const mailsTo = async (address: string) =>
  (await mail().all()).filter((message) => message.destination.to.includes(address));

let committeeCounter = 20;
const newCommittee = async () =>
  scheduleCommittee(
    deps(),
    claire,
    { date: inDays(committeeCounter++), time: '14:30', place: 'Châteauroux' },
    new Date(),
  );

describe('an application, from the inbox to the committee’s decision', () => {
  it('is qualified, scheduled, approved, each step in its history and each told to the SME', async () => {
    const smeEmail = 'gerante@lifecycle-1.example.fr';
    const reference = await submitted(smeEmail);
    const now = () => new Date();

    // Given it waits in Indre's inbox, on staff
    const inbox = await listInbox(deps(), claire, {}, now());
    expect(inbox.items.find((item) => item.reference === reference)).toMatchObject({
      status: 'received',
      waitingOn: 'staff',
      companyName: 'Menuiserie Martin',
    });

    // When Claire qualifies it, then puts it on a committee's agenda
    let view = await moveApplication(deps(), claire, reference, { to: 'qualified', version: 1 }, now());
    expect(view).toMatchObject({ status: 'qualified', version: 2 });
    const committee = await newCommittee();
    view = await moveApplication(
      deps(),
      claire,
      reference,
      { to: 'scheduled', version: 2, committeeId: committee.id },
      now(),
    );
    expect(view).toMatchObject({
      status: 'scheduled',
      committee: { id: committee.id, date: committee.date },
    });

    // Then the SME is told the date, in French, with its status link
    const scheduledMails = await mailsTo(smeEmail);
    const dateMail = scheduledMails.find((message) => message.subject.includes('comité d’agrément'));
    expect(dateMail?.body.text).toContain('14\u00a0h\u00a030');
    expect(dateMail?.body.text).toMatch(/\/suivi\/\?t=/);
    expect(typographyFaults(dateMail?.body.text ?? '')).toEqual([]);

    // When the committee approves it, with every decision of the meeting recorded at once
    const result = await recordDecisions(
      deps(),
      claire,
      committee.id,
      { decisions: [{ reference, version: 3, decision: 'approved', reason: 'Besoin clair.' }] },
      now(),
    );
    expect(result.results).toEqual([{ reference, outcome: 'recorded', status: 'approved', version: 4 }]);

    // Then its history tells who did what, when, from what to what, and why
    view = await readApplication(deps(), claire, reference);
    expect(view.history.map((line) => [line.from, line.to, line.actor.name])).toEqual([
      [undefined, 'received', 'Formulaire du site'],
      ['received', 'qualified', claire.name],
      ['qualified', 'scheduled', claire.name],
      ['scheduled', 'approved', claire.name],
    ]);
    expect(view.history[3]).toMatchObject({ reason: 'Besoin clair.' });
    expect((await readCommittee(deps(), claire, committee.id)).decisions).toMatchObject([
      { reference, decision: 'approved', reason: 'Besoin clair.' },
    ]);

    // And the SME got the decision, and its status link shows each step
    const decision = (await mailsTo(smeEmail)).find((message) => message.subject.includes('retenu'));
    expect(decision?.body.html).toContain('Besoin clair.');
    const token = /\/suivi\/\?t=([^\s"&]+)/.exec(decision?.body.text ?? '')?.[1] ?? '';
    const status = await readApplicationStatus(deps(), decodeURIComponent(token), now());
    expect(status).toMatchObject({ reference, status: 'approved', companyName: 'Menuiserie Martin' });
    expect(status.steps.map((step) => step.status)).toEqual([
      'received',
      'qualified',
      'scheduled',
      'approved',
    ]);
  });

  it('refuses a move the lifecycle does not allow, in French, and stores nothing', async () => {
    const reference = await submitted();
    const refused = await refusal(
      moveApplication(deps(), claire, reference, { to: 'approved', version: 1 }, new Date()),
    );
    expect(refused).toBeInstanceOf(TransitionRefusedError);
    expect(refused.message).toBe(
      'Une candidature «\u00a0reçue\u00a0» ne peut pas passer à «\u00a0retenue\u00a0».',
    );
    const noReason = await refusal(
      moveApplication(deps(), claire, reference, { to: 'ineligible', version: 1 }, new Date()),
    );
    expect(noReason.message).toMatch(/^Indiquez le motif/);
    const view = await readApplication(deps(), claire, reference);
    expect(view).toMatchObject({ status: 'received', version: 1 });
    expect(view.history).toHaveLength(1);
  });

  it('records where an ineligible SME was oriented, and tells it', async () => {
    const smeEmail = 'gerant@lifecycle-orientation.example.fr';
    const reference = await submitted(smeEmail);
    const view = await moveApplication(
      deps(),
      claire,
      reference,
      {
        to: 'ineligible',
        version: 1,
        reason: 'Projet de création, pas encore d’activité.',
        orientation: 'loan-network',
      },
      new Date(),
    );
    expect(view.history.at(-1)).toMatchObject({ to: 'ineligible', orientation: 'loan-network' });
    const told = (await mailsTo(smeEmail)).find((message) => message.subject.includes('d’autres appuis'));
    expect(told?.body.text).toContain('un réseau de prêt d’honneur');
  });
});

describe('two staff acting at once', () => {
  it('lets exactly one decision win; the other reads the current state in a 409', async () => {
    const reference = await submitted();
    const attempts = await Promise.allSettled([
      moveApplication(deps(), claire, reference, { to: 'qualified', version: 1 }, new Date()),
      moveApplication(
        deps(),
        claireColleague,
        reference,
        { to: 'ineligible', version: 1, reason: 'Hors périmètre.' },
        new Date(),
      ),
    ]);
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const lost = attempts.filter((attempt) => attempt.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason as StaleVersionError;
    expect(error).toBeInstanceOf(StaleVersionError);
    const winner = (won[0] as PromiseFulfilledResult<ApplicationView>).value;
    expect((error.current as ApplicationView).status).toBe(winner.status);
    const stored = await readApplication(deps(), claire, reference);
    expect(stored.version).toBe(2);
    expect(stored.history).toHaveLength(2);
  });
});

describe('a crash between steps', () => {
  const failingAfterWrite = () => {
    const settings = config();
    const real = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
    // The write reaches DynamoDB, then the function dies before it hears back.
    const crashing = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: { constructor: { name: string } }) => {
          const answer = await target.send(command as never);
          if (command.constructor.name === 'UpdateCommand') throw new Error('Function crashed');
          return answer;
        };
      },
    });
    return submissionRepository(crashing, settings.dataTableName, applicationKeys);
  };

  it('never leaves a status without its audit line, and the SME’s mail is sent by the next outbox run', async () => {
    const smeEmail = 'gerante@crash.example.fr';
    const reference = await submitted(smeEmail);
    await moveApplication(deps(), claire, reference, { to: 'qualified', version: 1 }, new Date());
    const crashing = {
      ...deps(),
      applications: failingAfterWrite() as ApplicationsDeps['applications'],
    };

    const error = await refusal(
      moveApplication(
        crashing,
        claire,
        reference,
        { to: 'info-requested', version: 2, reason: 'Votre dernier bilan, s’il vous plaît.' },
        new Date(),
      ),
    );
    expect(error.message).toBe('Function crashed');

    // The status changed together with its history line, and nothing else
    const stored = await readApplication(deps(), claire, reference);
    expect(stored.status).toBe('info-requested');
    expect(stored.history.at(-1)).toMatchObject({
      from: 'qualified',
      to: 'info-requested',
      actor: { name: claire.name },
    });
    expect(stored.version).toBe(3);
    expect(
      await mailsTo(smeEmail).then((mails) => mails.filter((m) => m.subject.includes('compléter'))),
    ).toHaveLength(0);

    // The outbox run, a few minutes later, sends the mail the crash left owed, once
    const later = new Date(Date.now() + 5 * 60_000);
    expect(await sendOwedNotices(deps(), later)).toBeGreaterThanOrEqual(1);
    await sendOwedNotices(deps(), later);
    const asked = (await mailsTo(smeEmail)).filter((m) => m.subject.includes('compléter'));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body.text).toContain('Votre dernier bilan, s’il vous plaît.');
  });
});

describe('who may see and change an application', () => {
  it('hides an application from another network’s staff and lets the national coordination read, not change', async () => {
    const reference = await submitted();
    expect((await refusal(readApplication(deps(), paul, reference))).message).toBe(
      'Cette candidature n’existe pas, ou elle ne relève pas de votre réseau.',
    );
    expect(
      await refusal(moveApplication(deps(), paul, reference, { to: 'qualified', version: 1 }, new Date())),
    ).toBeInstanceOf(NotFoundError);
    const read = await readApplication(deps(), nadia, reference);
    expect(read).toMatchObject({ editable: false, moves: [] });
    expect(
      await refusal(moveApplication(deps(), nadia, reference, { to: 'qualified', version: 1 }, new Date())),
    ).toBeInstanceOf(NotFoundError);
    const nationalInbox = await listInbox(deps(), nadia, {}, new Date());
    expect(new Set(nationalInbox.items.map((item) => item.network))).toEqual(new Set(['indre', 'cher']));
    const cherInbox = await listInbox(deps(), paul, {}, new Date());
    expect(cherInbox.items.every((item) => item.network === 'cher')).toBe(true);
  });
});

describe('an application recorded by staff on an SME’s behalf', () => {
  it('keeps its source, follows the same rules, and stays in the staff member’s network', async () => {
    const fields = { ...validApplication(), source: 'met-by-staff' } as unknown as Record<string, unknown>;
    const accepted = await recordApplication(applicationDependencies(), claire, fields, new Date());
    const view = await readApplication(deps(), claire, accepted.reference);
    expect(view).toMatchObject({ source: 'met-by-staff', status: 'received' });
    expect(view.history[0]?.actor.name).toBe(claire.name);

    const outside = await refusal(recordApplication(applicationDependencies(), paul, fields, new Date()));
    expect(outside).toMatchObject({
      errors: [{ field: 'company.postcode', message: expect.stringContaining('Alizé Indre') }],
    });
    const noSource = await refusal(
      recordApplication(applicationDependencies(), claire, { ...fields, source: 'public-form' }, new Date()),
    );
    expect(noSource).toMatchObject({ errors: [{ field: 'source' }] });
  });
});

describe('the SME’s status link', () => {
  it('expires, and a new one goes only to the application’s own address', async () => {
    const smeEmail = 'dirigeant@status-link.example.fr';
    const reference = await submitted(smeEmail);
    const acknowledgement = (await mailsTo(smeEmail))[0];
    const token = decodeURIComponent(
      /\/suivi\/\?t=([^\s"&]+)/.exec(acknowledgement?.body.text ?? '')?.[1] ?? '',
    );
    expect((await readApplicationStatus(deps(), token, new Date())).status).toBe('received');
    const inSixtyOneDays = new Date(Date.now() + 61 * 86_400_000);
    expect((await refusal(readApplicationStatus(deps(), token, inSixtyOneDays))).message).toMatch(
      /n’est plus valable/,
    );
    expect(await refusal(readApplicationStatus(deps(), `${token}x`, new Date()))).toBeInstanceOf(
      NotFoundError,
    );

    await sendStatusLink(deps(), { reference, email: 'someone-else@example.fr' }, new Date());
    await sendStatusLink(deps(), { reference, email: smeEmail.toUpperCase() }, new Date());
    const links = (await mail().all()).filter((message) => message.subject.includes('lien de suivi'));
    expect(links.map((message) => message.destination.to)).toEqual([[smeEmail]]);
  });
});

describe('every move of the lifecycle, through dynalite', () => {
  const statuses = Object.keys(allowedMoves) as ApplicationView['status'][];
  let serial = 0;

  /** An application of Indre stored straight in a status, as earlier moves would have left it. */
  const storedIn = async (status: ApplicationView['status'], committeeId: string) => {
    const template = await readApplication(deps(), claire, await submitted());
    const found = await deps().applications.get(template.reference);
    if (!found) throw new Error('template missing');
    const reference = `ALZ-36-2099-${String(++serial).padStart(4, '0')}`;
    const at = new Date().toISOString();
    await deps().applications.create({
      ...found.submission,
      reference,
      status,
      version: 2,
      history: [
        { at, actor: { id: 'public-form', name: 'Formulaire du site' }, to: 'received' },
        ...(status === 'received'
          ? []
          : [{ at, actor: { id: claire.id, name: claire.name }, from: 'received' as const, to: status }]),
      ],
      ...(status === 'scheduled' ? { committee: { id: committeeId, date: committeeId.slice(0, 10) } } : {}),
    });
    return reference;
  };

  it('allows exactly the table’s moves, writes each with its line, and refuses the others in French', async () => {
    const committee = await newCommittee();
    const outcomes: string[] = [];
    for (const from of statuses) {
      for (const to of statuses) {
        const reference = await storedIn(from, committee.id);
        const version = (await readApplication(deps(), claire, reference)).version;
        const rule = allowedMoves[from]?.[to];
        const request = { to, version, reason: 'Vu avec la dirigeante.', committeeId: committee.id };
        const attempt = await moveApplication(
          deps(),
          claire,
          reference,
          rule === 'C' ? request : { ...request, committeeId: undefined },
          new Date(),
        ).then(
          (view) => view,
          (error: Error) => error,
        );
        const stored = await readApplication(deps(), claire, reference);
        if (rule !== undefined) {
          const moved = attempt instanceof Error ? undefined : attempt;
          const line = stored.history.at(-1);
          if (
            moved?.status !== to ||
            stored.status !== to ||
            line?.from !== from ||
            line?.to !== to ||
            stored.version !== version + 1
          ) {
            outcomes.push(
              `${from} → ${to}: not written as allowed (${attempt instanceof Error ? attempt.message : stored.status})`,
            );
          }
        } else {
          const french =
            attempt instanceof TransitionRefusedError && typographyFaults(attempt.message).length === 0;
          if (!french || stored.status !== from || stored.version !== version) {
            outcomes.push(
              `${from} → ${to}: not refused cleanly (${attempt instanceof Error ? attempt.message : 'moved'})`,
            );
          }
        }
      }
    }
    expect(outcomes).toEqual([]);
  }, 120_000);
});
