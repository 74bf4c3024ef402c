import { documentClient } from '../../functions/db/client.ts';
import { addDays, firstRunDayOnOrAfter } from '../../functions/domain/digests/mission-due.ts';
import { config } from '../../functions/runtime/config.ts';
import { sendDailyReminders } from '../../functions/use-cases/digests/daily-reminders.ts';
import { lastMonth, sendMonthlyStatistics } from '../../functions/use-cases/digests/monthly-statistics.ts';
import { remindersDependencies } from '../../functions/wiring/reminders.ts';
import { monthlyStatisticsDependencies } from '../../functions/wiring/statistics.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { demoVolunteers } from '../../infra/local/demo-volunteers.ts';
import { parisIsoDate } from '../../shared/dates.ts';
import { demoCompetences } from '../../shared/demo-catalogue.ts';
import { writeApplication, writeMission } from '../support/statistics-dataset.ts';
import { fullScanReadUnits, meterCapacity } from './capacity-meter.ts';

/**
 * One side of the jobs' read-capacity comparison, in a process of its own (the functions' wiring is
 * built once per process, as in Lambda): the local cloud with its demo data (14 months of history),
 * and with `--scale 10` nine times as many items again, all in years long past and nothing due (closed
 * applications and missions, their follow-ups answered). Then the reminders job for the next weekday
 * and the monthly job for last month, each metered on the functions' own DynamoDB client. Prints one
 * JSON line; test/bench/run.ts compares the two sides.
 *
 *   node test/bench/job-capacity.ts --scale 10
 */
const scale = Number(process.argv[process.argv.indexOf('--scale') + 1] ?? 1);
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale: a whole number, 1 or more');

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

  if (scale > 1) {
    const network = 'indre';
    const volunteer = demoVolunteers.find((candidate) => candidate.network === network);
    const competence = demoCompetences.find((candidate) => candidate.network === network);
    if (!volunteer || !competence) throw new Error('no demo volunteer or competence for Indre');
    let items = base.items;
    for (let story = 0; items < base.items * scale; story++) {
      // A closed story of 2012 to 2019: decided, its mission delivered, closed and followed up.
      const year = 2012 + (story % 8);
      const day = String((story % 27) + 1).padStart(2, '0');
      const reference = `ALZ-36-${year}-${String(9000 + story).slice(-4)}${Math.floor(story / 10_000)}`;
      await writeApplication(client, table, network, {
        reference,
        receivedAt: `${year}-01-${day}T10:00:00.000Z`,
        employees: 5 + (story % 40),
        competences: [competence.id],
        jobsToMaintain: 2,
        qualifiedAt: `${year}-02-${day}T10:00:00.000Z`,
        committee: {
          scheduledAt: `${year}-02-${day}T11:00:00.000Z`,
          committeeDate: `${year}-03-${day}`,
          decision: 'approved',
          decidedAt: `${year}-03-${day}T16:00:00.000Z`,
        },
      });
      await writeMission(client, table, network, {
        reference,
        partnerId: volunteer.partnerId,
        volunteerId: volunteer.id,
        competenceId: competence.id,
        createdAt: `${year}-04-${day}T10:00:00.000Z`,
        interventions: [
          { date: `${year}-05-${day}`, status: 'done' },
          { date: `${year}-06-${day}`, status: 'done' },
        ],
        closed: { at: `${year}-07-${day}T10:00:00.000Z`, jobsCreated: 1, jobsMaintained: 2 },
        followUps: [
          { at: `${year + 1}-07-${day}T10:00:00.000Z`, jobsCreated: 1, jobsMaintained: 2 },
          { at: `${year + 2}-07-${day}T10:00:00.000Z`, jobsCreated: 1, jobsMaintained: 2 },
        ],
      });
      // Counted now and then: a Scan per story would cost more than the stories.
      if (story % 200 === 199) items = (await fullScanReadUnits(client, table)).items;
    }
  }
  const scan = await fullScanReadUnits(client, table);

  const now = new Date();
  const runDay = firstRunDayOnOrAfter(addDays(parisIsoDate(now), 1));
  const tally = meterCapacity(client);
  await sendDailyReminders(remindersDependencies(), new Date(`${runDay}T05:30:00Z`));
  const reminders = { ...tally, calls: { ...tally.calls } };
  tally.readUnits = 0;
  tally.writeUnits = 0;
  tally.calls = {};
  const month = lastMonth(now);
  await sendMonthlyStatistics(monthlyStatisticsDependencies(), now, { month });
  const monthly = { ...tally };
  console.log(
    JSON.stringify({
      scale,
      items: scan.items,
      scanReadUnits: scan.units,
      runDay,
      month,
      reminders,
      monthly,
    }),
  );
} finally {
  await cloud.stop();
}
