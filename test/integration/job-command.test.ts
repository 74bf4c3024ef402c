import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeApplicationMission } from '../../functions/use-cases/missions/mission-closing.ts';
import { startApplicationMission } from '../../functions/use-cases/missions/mission-launch.ts';
import { createApplicationMission } from '../../functions/use-cases/missions/staff-missions.ts';
import { missionDependencies } from '../../functions/wiring/mission-mail.ts';
import { parisInstant } from '../../infra/local/job.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { givenApplication, givenVolunteer, newMission } from '../support/missions.ts';
import { givenApplicationAt } from '../support/reminders.ts';
import { claire } from '../support/staff-actors.ts';

/**
 * `npm run job`: a scheduled job run by hand against the running local cloud, through the handler and
 * the event the scheduler uses, at the time a person names.
 */
const cloud = givenLocalCloud();
const run = promisify(execFile);
const repoRoot = new URL('../../', import.meta.url).pathname;

const job = (args: string[], ports = true) =>
  run(process.execPath, ['infra/local/job.ts', ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...(ports
        ? {
            ALIZE_DYNAMODB_PORT: new URL(cloud().urls.dynamodb).port,
            ALIZE_SES_PORT: new URL(cloud().urls.mailViewer).port,
          }
        : { ALIZE_DYNAMODB_PORT: '1' }),
    },
  });

describe('npm run job', () => {
  it('runs a schedule’s handler at the time given, and prints what it did', async () => {
    // Given a mission closed today, whose SME is owed a follow-up in 12 months
    const deps = missionDependencies();
    const reference = await givenApplication('approved');
    let mission = await createApplicationMission(
      deps,
      claire,
      reference,
      newMission(await givenVolunteer()),
      new Date(),
    );
    mission = await startApplicationMission(deps, claire, mission.id, { version: 1 }, new Date());
    await closeApplicationMission(
      deps,
      claire,
      mission.id,
      { mode: 'outcomes', version: 2, sme: { jobsCreated: 0, jobsMaintained: 2, satisfaction: 5 } },
      new Date(),
    );
    const monthsFromNow = (months: number) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() + months);
      return at.toISOString();
    };

    // When the follow-up job is run by hand for 11 months from now, then for 13
    const early = JSON.parse((await job(['outcome-follow-ups', '--now', monthsFromNow(11)])).stdout);
    const due = JSON.parse((await job(['outcome-follow-ups', '--now', monthsFromNow(13)])).stdout);

    // Then it computed for the time given: nothing owed at 11 months, the follow-up at 13
    expect(early).toEqual({ due: 0, queued: 0 });
    expect(due).toEqual({ due: 1, queued: 1 });
  });

  it('runs the daily reminders for a Paris morning, and the digest reaches the local viewer', async () => {
    // Given an application of Indre received on Friday 19 March 2027 and never qualified
    const late = await givenApplicationAt('2027-03-19T10:00:00.000Z', {
      companyName: 'Chaudronnerie Vallet',
    });
    const viewer = mailbox(cloud().urls.mailViewer);
    await viewer.clear();

    // When the reminders job is run by hand for Monday 29 March at 07:30 in Paris
    const report = JSON.parse((await job(['reminders', '--now', '2027-03-29T07:30'])).stdout);

    // Then it ran for that day, and Indre's staff find the digest in the viewer, linking to the application
    expect(report).toMatchObject({ day: '2027-03-29', ran: true });
    const digest = (await viewer.all()).find(
      (mail) =>
        mail.destination.to.includes('alize@initiative-indre.example.org') &&
        mail.subject.startsWith('Le point du'),
    );
    expect(digest?.subject).toMatch(/^Le point du 29 mars 2027\u00a0: \d+\u00a0choses? à suivre$/);
    expect(digest?.body.text).toContain('Chaudronnerie Vallet, reçue le 19 mars 2027');
    expect(digest?.body.text).toContain(`/espace-equipe/candidature/?ref=${late.reference}`);
  });

  it('says in French what is wrong: an unknown job, a bad date, a local cloud not started', async () => {
    await expect(job(['rappels'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Aucune tâche «\u00a0rappels\u00a0»'),
    });
    await expect(job(['outcome-follow-ups', '--now', 'demain'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--now attend une date et une heure'),
    });
    await expect(job(['outcome-follow-ups'], false)).rejects.toMatchObject({
      stderr: expect.stringContaining('lancez d’abord «\u00a0npm start\u00a0»'),
    });
  });
});

describe('a time typed for --now', () => {
  it('is Paris time on both sides of a change of time, and an ISO instant as it is', () => {
    expect(parisInstant('2027-01-12T07:30')?.toISOString()).toBe('2027-01-12T06:30:00.000Z');
    expect(parisInstant('2027-03-29T07:30')?.toISOString()).toBe('2027-03-29T05:30:00.000Z');
    expect(parisInstant('2027-03-01')?.toISOString()).toBe('2027-03-01T11:00:00.000Z');
    expect(parisInstant('2027-03-29T05:30:00Z')?.toISOString()).toBe('2027-03-29T05:30:00.000Z');
    // 02:30 on the night clocks go forward does not exist in Paris.
    expect(parisInstant('2027-03-28T02:30')).toBeUndefined();
    expect(parisInstant('mardi')).toBeUndefined();
  });
});
