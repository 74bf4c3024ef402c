import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { nextFireTimes } from '../../infra/local/schedule-expression.ts';
import { type ScheduleDefinition, schedules } from '../../shared/schedules.ts';
import { storedData } from '../support/form-posts.ts';
import { givenLocalCloud, mailbox, type StoredMail } from '../support/local-cloud.ts';
import { givenVolunteer } from '../support/missions.ts';
import { givenApplicationAt, givenMissionAt, halfDay } from '../support/reminders.ts';
import { aNetwork, writeApplication } from '../support/statistics-dataset.ts';
import { type SwitchableLink, switchableLink } from '../support/switchable-link.ts';

/**
 * The scheduled jobs of shared/schedules.ts under faults, each through its real handler (the local
 * Lambda runtime) with the event EventBridge Scheduler sends, so the job's clock is its scheduled
 * time: SES out of reach while the jobs mail, a schedule delivered twice at once, the weeks the
 * clocks change in 2027. What counts is what people find in the mail viewer.
 *
 * Covered elsewhere, so not here:
 * - each job run a second time, one after the other: the outbox (outbox.test.ts), the reminders
 *   (reminders.test.ts), the monthly statistics (monthly-statistics.test.ts), the follow-ups
 *   (missions.test.ts), the retention (privacy.test.ts);
 * - the outbox job's own retries when SES is down, and the alert when they run out (outbox.test.ts);
 * - the reminders' Monday 29 March 2027, the first run after the clocks went forward
 *   (reminders.test.ts); the reminder and confirmation days around holidays and the October change
 *   of 2026, the Paris wall clock on the days of change (unit: mission-due, mission-calendar,
 *   working-days, schedule-expression); receipts at the edges of March in Paris time (unit:
 *   network-figures; monthly-statistics.test.ts for 31 March 2025).
 */
const settings = readSettingsFile();
// A network of its own, so that its monthly mail shows only what this file wrote.
const vienne = aNetwork('vienne', '86', 'Alizé Vienne');
const cloud = givenLocalCloud({ settings: { ...settings, networks: [...settings.networks, vienne] } });
const mails = () => mailbox(cloud().urls.mailViewer);
const mailsTo = async (address: string, subject = ''): Promise<StoredMail[]> =>
  (await mails().all()).filter(
    (mail) => mail.destination.to.includes(address) && mail.subject.includes(subject),
  );
const vienneRecipients = [...vienne.staffEmails, ...(vienne.steeringCommitteeEmails ?? [])];

// Given the functions reach SES through a link the tests can cut, set before any of them builds
// its client (a cold start reads AWS_ENDPOINT_URL_SESV2).
let ses: SwitchableLink;
beforeAll(async () => {
  ses = await switchableLink(cloud().urls.mailViewer);
  process.env.AWS_ENDPOINT_URL_SESV2 = ses.url;
});
afterAll(async () => {
  await ses?.stop();
});

const scheduleNamed = (name: string): ScheduleDefinition => {
  const schedule = schedules.find((candidate) => candidate.name === name);
  if (!schedule) throw new Error(`No schedule ${name}`);
  return schedule;
};

/** The schedule fires: its handler gets the event EventBridge Scheduler sends for that time. */
const fire = (name: string, scheduledTime: string) => {
  const schedule = scheduleNamed(name);
  return invokeHandler(schedule.handler, { schedule: name, scheduledTime }, schedule.timeoutSeconds ?? 60);
};

/** The outbox job, run until it finds nothing more to send (a run takes at most 50 mails). */
const drainOutbox = async (scheduledTime: string) => {
  for (let run = 0; run < 20; run++) {
    const report = (await fire('deliver-outbox', scheduledTime)) as { sent: number; retried: number };
    if (report.sent === 0 && report.retried === 0) return;
  }
  throw new Error('The outbox never emptied');
};

const calendarStarts = (mail: StoredMail | undefined) =>
  new ICAL.Component(
    ICAL.parse(Buffer.from(mail?.attachments?.[0]?.content ?? '', 'base64').toString('utf8')),
  )
    .getAllSubcomponents('vevent')
    .map((event) => String(event.getFirstPropertyValue('dtstart')));

/** An active mission of Indre with one half-day still planned, its volunteer and SME to remind. */
const givenHalfDay = async (date: string, receivedAt = '2027-01-10T10:00:00.000Z') => {
  const volunteer = await givenVolunteer();
  const application = await givenApplicationAt(receivedAt, { status: 'in-progress' });
  const mission = await givenMissionAt(application, volunteer, '2027-01-20T10:00:00.000Z', {
    endDate: '2027-12-17',
    interventions: [halfDay('I1', '2027-01-25', 'done'), halfDay('I2', date)],
  });
  return { mission, volunteer: volunteer.email, sme: application.data.contact.email };
};

/** A mission closed a year before `dueAt`, its SME owed the 12-month follow-up from then. */
const givenFollowUpDue = async (dueAt: string) => {
  const volunteer = await givenVolunteer();
  const application = await givenApplicationAt('2026-01-10T10:00:00.000Z', { status: 'in-progress' });
  const closedAt = new Date(dueAt);
  closedAt.setUTCFullYear(closedAt.getUTCFullYear() - 1);
  await givenMissionAt(application, volunteer, closedAt.toISOString(), {
    status: 'closed',
    closedAt: closedAt.toISOString(),
    nextFollowUp: { month: 12, dueAt },
    interventions: [halfDay('I1', '2026-03-10', 'done')],
    outcomes: {
      followUps: [],
      sme: { jobsCreated: 0, jobsMaintained: 4, satisfaction: 4, at: closedAt.toISOString(), by: 'staff' },
    },
  });
  return { sme: application.data.contact.email };
};

const followUpSubject = '12\u00a0mois après votre mission';

describe('SES out of reach while the jobs mail', () => {
  it('keeps every mail of the reminders, the statistics and the follow-ups, and sends each once when SES is back', async () => {
    // Given a half-day on Tuesday 6 July 2027 (reminded on Friday the 2nd), a follow-up due on
    // 1 July, and June's statistics due on 1 July
    const reminded = await givenHalfDay('2027-07-06');
    const followedUp = await givenFollowUpDue('2027-07-01T06:00:00.000Z');

    // And SES out of reach
    await ses.cut();
    let statistics: { queued: number; sentNow: number; deferred: number };
    try {
      // When each job fires at its time, and the outbox job after them
      statistics = (await fire('monthly-stats', '2027-07-01T06:00:00.000Z')) as typeof statistics;
      await fire('outcome-follow-ups', '2027-07-01T06:15:00.000Z');
      const reminders = (await fire('reminders', '2027-07-02T05:30:00.000Z')) as { reminders: number };
      expect(reminders.reminders).toBeGreaterThanOrEqual(2);
      await fire('deliver-outbox', '2027-07-02T06:00:00.000Z');

      // Then nobody has anything yet, and no job failed for it
      expect(statistics.queued).toBeGreaterThanOrEqual(vienneRecipients.length);
      expect(statistics.sentNow).toBe(0);
      for (const address of [reminded.volunteer, reminded.sme, followedUp.sme, ...vienneRecipients]) {
        expect(await mailsTo(address), address).toEqual([]);
      }
    } finally {
      await ses.restore();
    }

    // When SES is back and the outbox job runs, past the first retry's delay, then once more
    await drainOutbox('2027-07-03T06:00:00.000Z');
    await fire('deliver-outbox', '2027-07-03T06:05:00.000Z');

    // Then each person got their mail, once
    for (const address of [reminded.volunteer, reminded.sme]) {
      expect(await mailsTo(address, 'Rappel'), address).toHaveLength(1);
    }
    expect(await mailsTo(followedUp.sme, followUpSubject)).toHaveLength(1);
    for (const address of vienneRecipients) {
      expect(await mailsTo(address, 'juin 2027'), address).toHaveLength(1);
    }
  }, 180_000);
});

/** What a person must find in the mail viewer: so many mails whose subject holds these words. */
interface Owed {
  address: string;
  subject: string;
  count: number;
}

/** For each schedule: what it owes at `at`, and what must be true after. */
const twiceAtOnce: Record<
  string,
  { at: string; given(): Promise<{ owed: Owed[]; check?(): Promise<void> }> }
> = {
  'deliver-outbox': {
    at: '2027-08-02T08:00:00.000Z',
    async given() {
      const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
      const outbox = outboxRepository(client, config().dataTableName);
      const addresses = [
        'une@pme-doublon.example.fr',
        'deux@pme-doublon.example.fr',
        'trois@pme-doublon.example.fr',
      ];
      for (const address of addresses) {
        await outbox.enqueue(
          {
            id: `faults-twice:${address}`,
            network: 'indre',
            mail: {
              from: { name: 'Alizé Indre', address: 'indre@alize.example.org' },
              to: [address],
              subject: 'Votre demande est bien reçue',
              html: '<p>Bonjour</p>',
              text: 'Bonjour',
            },
          },
          new Date('2027-08-02T07:00:00.000Z'),
        );
      }
      client.destroy();
      return { owed: addresses.map((address) => ({ address, subject: 'bien reçue', count: 1 })) };
    },
  },
  'apply-retention': {
    at: '2027-08-03T01:30:00.000Z',
    async given() {
      // Received in January 2020: three years without contact by 2023, anonymised by this night's run.
      const { reference, data } = await givenApplicationAt('2020-01-10T10:00:00.000Z');
      return {
        // The job mails nobody
        owed: [{ address: data.contact.email, subject: '', count: 0 }],
        async check() {
          const record = (await storedData(cloud).applications().get(reference))?.submission;
          expect(record?.anonymisation).toBeDefined();
          expect(record?.data.company.name).toBe('Entreprise anonymisée');
          // Anonymised once: one write after its receipt, not two
          expect(record?.version).toBe(2);
        },
      };
    },
  },
  'outcome-follow-ups': {
    at: '2027-08-02T06:15:00.000Z',
    async given() {
      const { sme } = await givenFollowUpDue('2027-08-01T06:00:00.000Z');
      return { owed: [{ address: sme, subject: followUpSubject, count: 1 }] };
    },
  },
  reminders: {
    // Friday 6 August: the reminder of Tuesday the 10th's half-day.
    at: '2027-08-06T05:30:00.000Z',
    async given() {
      const { volunteer, sme } = await givenHalfDay('2027-08-10');
      return {
        owed: [
          { address: volunteer, subject: 'Rappel', count: 1 },
          { address: sme, subject: 'Rappel', count: 1 },
        ],
      };
    },
  },
  'monthly-stats': {
    at: '2027-09-01T06:00:00.000Z',
    async given() {
      return { owed: vienneRecipients.map((address) => ({ address, subject: 'août 2027', count: 1 })) };
    },
  },
};

describe('each schedule delivered twice at once, then once more', () => {
  it.each(schedules.map((schedule) => [schedule.name, schedule] as const))(
    '%s sends nobody a mail twice',
    async (name, schedule) => {
      const job = twiceAtOnce[name];
      if (!job) throw new Error(`No case for the schedule ${name}: add one above`);
      // Given what the job owes at its time, and SES slow to answer, so that the two runs overlap
      // while a mail is on its way, every time rather than by luck
      const { owed, check } = await job.given();
      ses.slow(400);

      // When EventBridge delivers the schedule twice (at-least-once): the second run starts while
      // the first one's first mail is on its way (a job that mails nothing: both at once); then a third
      try {
        const first = fire(name, job.at);
        if ((schedule as ScheduleDefinition).sendsMail) await Promise.race([ses.requested(), first]);
        await Promise.all([first, fire(name, job.at)]);
        await fire(name, job.at);
      } finally {
        ses.slow(0);
      }
      // And the outbox job sends whatever is left
      await drainOutbox(new Date(Date.parse(job.at) + 86_400_000).toISOString());

      // Then each person has the mail once (a job that mails nobody: none)
      for (const { address, subject, count } of owed) {
        expect(await mailsTo(address, subject), address).toHaveLength(count);
      }
      await check?.();
    },
    120_000,
  );
});

describe('the weeks the clocks change in 2027', () => {
  const fireTimes = (name: string, from: string, to: string) => {
    const schedule = scheduleNamed(name);
    return nextFireTimes(schedule.expression, schedule.timeZone, new Date(from), 20)
      .filter((time) => time.toISOString() < to)
      .map((time) => time.toISOString());
  };

  it('fires each job once a day at its Paris hour, however long the night', () => {
    // Spring: Sunday 28 March, 02:00 becomes 03:00 (UTC+1, then UTC+2)
    expect(fireTimes('reminders', '2027-03-25T12:00:00Z', '2027-03-31T00:00:00Z')).toEqual([
      '2027-03-26T06:30:00.000Z',
      '2027-03-29T05:30:00.000Z',
      '2027-03-30T05:30:00.000Z',
    ]);
    expect(fireTimes('apply-retention', '2027-03-27T00:00:00Z', '2027-03-30T00:00:00Z')).toEqual([
      '2027-03-27T02:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
      '2027-03-29T01:30:00.000Z',
    ]);
    expect(fireTimes('outcome-follow-ups', '2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z')).toEqual([
      '2027-03-27T07:15:00.000Z',
      '2027-03-28T06:15:00.000Z',
    ]);
    expect(fireTimes('monthly-stats', '2027-03-02T00:00:00Z', '2027-04-02T00:00:00Z')).toEqual([
      '2027-04-01T06:00:00.000Z',
    ]);
    // Autumn: Sunday 31 October, 03:00 becomes 02:00 again (UTC+2, then UTC+1)
    expect(fireTimes('reminders', '2027-10-28T12:00:00Z', '2027-11-03T00:00:00Z')).toEqual([
      '2027-10-29T05:30:00.000Z',
      '2027-11-01T06:30:00.000Z',
      '2027-11-02T06:30:00.000Z',
    ]);
    expect(fireTimes('apply-retention', '2027-10-30T00:00:00Z', '2027-11-02T00:00:00Z')).toEqual([
      '2027-10-30T01:30:00.000Z',
      '2027-10-31T02:30:00.000Z',
      '2027-11-01T02:30:00.000Z',
    ]);
    expect(fireTimes('outcome-follow-ups', '2027-10-30T00:00:00Z', '2027-11-01T00:00:00Z')).toEqual([
      '2027-10-30T06:15:00.000Z',
      '2027-10-31T07:15:00.000Z',
    ]);
    expect(fireTimes('monthly-stats', '2027-10-02T00:00:00Z', '2027-11-02T00:00:00Z')).toEqual([
      '2027-11-01T07:00:00.000Z',
    ]);
  });

  it.each([
    {
      week: 'spring',
      // Monday 29 March, the first morning of summer time: reminded on Friday the 26th, asked on Tuesday.
      halfDay: '2027-03-29',
      from: '2027-03-22T00:00:00Z',
      to: '2027-04-03T00:00:00Z',
      // 09:00 in Paris, summer time: 07:00 UTC
      start: '2027-03-29T07:00:00Z',
      reminderOn: '2027-03-26',
      // 03:30 on Sunday 28 March, just after the hour that does not exist
      night: '2027-03-28T01:30:00.000Z',
    },
    {
      week: 'autumn',
      // Tuesday 2 November, after All Saints' Day: reminded on Friday 29 October, asked on Wednesday.
      halfDay: '2027-11-02',
      from: '2027-10-25T00:00:00Z',
      to: '2027-11-06T00:00:00Z',
      // 09:00 in Paris, winter time again: 08:00 UTC
      start: '2027-11-02T08:00:00Z',
      reminderOn: '2027-10-29',
      // 02:30 on Sunday 31 October, the second time round (the first was at 00:30 UTC)
      night: '2027-10-31T01:30:00.000Z',
    },
  ])(
    'in the $week week, the reminders fired at each of their times remind a half-day once, at its Paris hour, and ask once whether it took place',
    async ({ halfDay: date, from, to, start, reminderOn, night }) => {
      // Given a half-day planned in the morning across the change
      const { mission, volunteer, sme } = await givenHalfDay(date);

      // When the reminders fire at every time of those two weeks, plus a run by hand in the night of
      // the change itself, and the outbox job after each
      const times = fireTimes('reminders', from, to);
      const sunday = (await fire('reminders', night)) as { ran: boolean; day: string };
      for (const time of times) {
        await fire('reminders', time);
        await fire('deliver-outbox', time);
      }

      // Then nothing is sent on the Sunday of the change
      expect(sunday).toMatchObject({ ran: false });
      for (const address of [volunteer, sme]) {
        // And one reminder, sent on the right day, its calendar at 09:00 Paris time
        const reminders = await mailsTo(address, 'Rappel');
        expect(reminders, address).toHaveLength(1);
        expect(calendarStarts(reminders[0])).toContain(start);
        // And one « has it taken place? » after it
        expect(await mailsTo(address, 'a-t-elle eu lieu'), address).toHaveLength(1);
      }
      // And the reminder was queued by the run of the working day two days before (the Friday)
      const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
      const outbox = outboxRepository(client, config().dataTableName);
      const queued = await outbox.get(
        `reminder:intervention-before:${mission.id}/I2:${date}:volunteer`,
        new Date(to),
      );
      client.destroy();
      expect(queued?.createdAt.slice(0, 10)).toBe(reminderOn);
    },
    180_000,
  );

  it('counts in October the receipts of its first and last hours in Paris, summer time at one end and winter time at the other', async () => {
    // Given receipts at the edges of October 2027 in Paris: it starts at 22:00 UTC on 30 September
    // (UTC+2) and ends at 23:00 UTC on 31 October (UTC+1)
    const client = createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
    const receipts = [
      ['0001', '2027-09-30T21:30:00.000Z'], // 23:30 on 30 September: September
      ['0002', '2027-09-30T22:30:00.000Z'], // 00:30 on 1 October
      ['0003', '2027-09-30T23:30:00.000Z'], // 01:30 on 1 October
      ['0004', '2027-10-15T10:00:00.000Z'],
      ['0005', '2027-10-31T22:30:00.000Z'], // 23:30 on 31 October, winter time
      ['0006', '2027-10-31T23:30:00.000Z'], // 00:30 on 1 November: November
    ] as const;
    for (const [number, receivedAt] of receipts) {
      await writeApplication(client, config().dataTableName, 'vienne', {
        reference: `ALZ-86-2027-${number}`,
        receivedAt,
        employees: 10,
        competences: [],
      });
    }
    client.destroy();

    // When the monthly job fires on 1 November, 08:00 in Paris
    await fire('monthly-stats', '2027-11-01T07:00:00.000Z');

    // Then October counts four receipts, in each Vienne mail
    for (const address of vienneRecipients) {
      const [october] = await mailsTo(address, 'octobre 2027');
      expect(october?.subject).toBe('Les chiffres d’octobre 2027, Alizé Vienne');
      // The month's column first: 4, where a clock fixed at UTC, UTC+1 or UTC+2 would count 3
      expect(october?.body.text ?? '', address).toMatch(/^Candidatures reçues +4 /m);
    }
  }, 60_000);
});
