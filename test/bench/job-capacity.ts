import { documentClient } from '../../functions/db/client.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { addDays, firstRunDayOnOrAfter } from '../../functions/domain/digests/mission-due.ts';
import { config } from '../../functions/runtime/config.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { demoVolunteers } from '../../infra/local/demo-volunteers.ts';
import { invokeHandler } from '../../infra/local/lambda-runtime.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { demoCompetences } from '../../shared/demo-catalogue.ts';
import { type ScheduledEvent, schedules } from '../../shared/schedules.ts';
import { traceCalls } from '../support/call-trace.ts';
import { givenApplicationAt } from '../support/reminders.ts';
import { writeApplication, writeMission } from '../support/statistics-dataset.ts';
import { fullScanReadUnits, meterCapacity } from './capacity-meter.ts';

/**
 * One side of the jobs' read-capacity comparison, in a process of its own (the functions' wiring is
 * built once per process, as in Lambda): the local cloud with its demo data (14 months of history),
 * and with `--scale 10` nine times as many items again, none of them due for any job: applications
 * of 2024 decided and their missions closed that year (their retention falls in 2027, their months
 * are older than any the monthly job reads, no follow-up waits); at both sizes the same work is due
 * (five mails waiting in the outbox, three applications past their retention). Then every job of
 * shared/schedules.ts, through its real handler as the scheduler invokes it, each metered on the
 * functions' own DynamoDB client (capacity units) and traced (calls, and how many one after another).
 * Prints one JSON line; test/bench/run.ts compares the two sides.
 *
 *   node test/bench/job-capacity.ts --scale 10
 */
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 1);
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale: a whole number, 1 or more');

export interface JobCost {
  job: string;
  scheduledTime: string;
  readUnits: number;
  writeUnits: number;
  dynamodbCalls: number;
  sesCalls: number;
  /** Calls one after another: the longest chain of calls each started after the previous answered. */
  sequential: number;
}

export interface JobSide {
  scale: number;
  items: number;
  scanReadUnits: number;
  jobs: JobCost[];
}

const fillWithPast = async (items: number) => {
  const client = documentClient();
  const table = config().dataTableName;
  const network = 'indre';
  const volunteer = demoVolunteers.find((candidate) => candidate.network === network);
  const competence = demoCompetences.find((candidate) => candidate.network === network);
  if (!volunteer || !competence) throw new Error('no demo volunteer or competence for Indre');
  let count = (await fullScanReadUnits(client, table)).items;
  for (let story = 0; count < items; story++) {
    const month = String((story % 9) + 1).padStart(2, '0');
    const day = String((story % 27) + 1).padStart(2, '0');
    const reference = `ALZ-36-2024-${String(5000 + story).padStart(5, '0')}`;
    await writeApplication(client, table, network, {
      reference,
      receivedAt: `2024-${month}-${day}T09:00:00.000Z`,
      employees: 5 + (story % 40),
      competences: [competence.id],
      jobsToMaintain: 2,
      qualifiedAt: `2024-${month}-${day}T10:00:00.000Z`,
      committee: {
        scheduledAt: `2024-${month}-${day}T11:00:00.000Z`,
        committeeDate: `2024-${month}-${day}`,
        decision: 'approved',
        decidedAt: `2024-${month}-${day}T16:00:00.000Z`,
      },
    });
    await writeMission(client, table, network, {
      reference,
      partnerId: volunteer.partnerId,
      volunteerId: volunteer.id,
      competenceId: competence.id,
      createdAt: `2024-${month}-${day}T17:00:00.000Z`,
      interventions: [
        { date: `2024-10-${day}`, status: 'done' },
        { date: `2024-11-${day}`, status: 'done' },
      ],
      closed: { at: '2024-12-01T10:00:00.000Z', jobsCreated: 1, jobsMaintained: 2 },
    });
    // Counted now and then: a Scan per story would cost more than the stories.
    if (story % 200 === 199) count = (await fullScanReadUnits(client, table)).items;
  }
};

/** When each job runs in this measure: its next usual fire time from today. */
const fireTimeOf = (name: string, now: Date): Date => {
  const today = parisIsoDate(now);
  if (name === 'reminders') return new Date(`${firstRunDayOnOrAfter(addDays(today, 1))}T06:30:00Z`);
  if (name === 'monthly-stats') return new Date(`${today.slice(0, 7)}-01T07:00:00Z`);
  return now;
};

const settings = readSettingsFile();
const cloud = await startLocalCloud({
  ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
  runSchedules: false,
  settings,
  log: () => {},
});
try {
  const client = documentClient();
  const table = config().dataTableName;
  const base = await fullScanReadUnits(client, table);
  if (scale > 1) await fillWithPast(base.items * scale);
  const scan = await fullScanReadUnits(client, table);

  // The same work due at both sizes, so that each job has something to read: five mails waiting in
  // the outbox (their first try failed), and three applications whose last contact was four years ago.
  const outbox = outboxRepository(client, table);
  for (let n = 0; n < 5; n++) {
    await outbox.enqueue(
      {
        id: `bench-due-${n}`,
        network: 'indre',
        mail: {
          from: { name: 'Alizé Indre', address: `indre@${settings.mail.senderDomain}` },
          to: [`dirigeant-${n}@pme.example.fr`],
          subject: 'Votre demande est bien reçue',
          html: '<p>Bonjour</p>',
          text: 'Bonjour',
        },
      },
      new Date(Date.now() - 3_600_000),
    );
  }
  for (let n = 0; n < 3; n++) {
    await givenApplicationAt(`2022-0${n + 1}-10T09:00:00.000Z`, { companyName: `Ancienne PME ${n}` });
  }

  const tally = meterCapacity(client);
  const trace = traceCalls();
  const now = new Date();
  const jobs: JobCost[] = [];
  // The outbox first, while nothing the other jobs queue waits in it; it runs again every 5 minutes.
  for (const definition of schedules) {
    tally.readUnits = 0;
    tally.writeUnits = 0;
    trace.reset();
    const scheduledTime = fireTimeOf(definition.name, now).toISOString();
    const event: ScheduledEvent = { schedule: definition.name, scheduledTime };
    await invokeHandler(definition.handler, event, definition.timeoutSeconds ?? 10);
    const calls = trace.calls();
    jobs.push({
      job: definition.name,
      scheduledTime,
      readUnits: tally.readUnits,
      writeUnits: tally.writeUnits,
      dynamodbCalls: calls.filter((call) => call.service === 'dynamodb').length,
      sesCalls: calls.filter((call) => call.service === 'ses').length,
      sequential: trace.sequential(),
    });
  }
  const side: JobSide = { scale, items: scan.items, scanReadUnits: scan.units, jobs };
  console.log(JSON.stringify(side));
} finally {
  await cloud.stop();
}
