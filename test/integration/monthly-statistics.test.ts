import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { missionRepository } from '../../functions/db/mission-repository.ts';
import { outboxRepository } from '../../functions/db/outbox-repository.ts';
import { config } from '../../functions/runtime/config.ts';
import {
  lastMonth,
  monthStatistics,
  sendMonthlyStatistics,
} from '../../functions/use-cases/digests/monthly-statistics.ts';
import { monthlyStatisticsDependencies, statisticsDependencies } from '../../functions/wiring/statistics.ts';
import { readSettingsFile } from '../../infra/config.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import type { StatisticsView } from '../../shared/statistics.ts';
import { givenLocalCloud, mailbox } from '../support/local-cloud.ts';
import { bearer, staffTokens } from '../support/staff-tokens.ts';
import {
  type ApplicationStory,
  aNetwork,
  type MissionStory,
  writeApplication,
  writeCatalogue,
  writeMission,
} from '../support/statistics-dataset.ts';
import { monthlyStatisticsReadCapacity } from '../support/statistics-read-capacity.ts';
import { readableText, typographyFaults } from '../support/typography.ts';

/**
 * The monthly statistics of March 2025 for a network whose story is written below through the real
 * repositories: every expected figure is counted by hand from that story (the comments say how), not
 * by the code under test. The clock is fixed at the job's own time, 1 April 2025 at 08:00 in Paris.
 */
const vienne = aNetwork('vienne', '86', 'Alizé Vienne');
const creuse = aNetwork('creuse', '23', 'Alizé Creuse');
const base = readSettingsFile();
const cloud = givenLocalCloud({ settings: { ...base, networks: [...base.networks, vienne, creuse] } });
const now = new Date('2025-04-01T06:00:00Z');

const qualite = { id: 'vienne-qualite', label: 'Démarche qualité' };
const exportCompetence = { id: 'vienne-export', label: 'Premiers pas à l’export' };
const rh = { id: 'vienne-rh', label: 'Recruter son premier salarié' };

const committee = (
  scheduledAt: string,
  committeeDate: string,
  decision: 'approved' | 'rejected' | 'deferred',
) => ({
  scheduledAt,
  committeeDate,
  decision,
  decidedAt: `${committeeDate}T16:00:00.000Z`,
});

const applications: ApplicationStory[] = [
  // Received in January, decided by March's committee: counts as a March decision, a January receipt.
  {
    reference: 'ALZ-86-2025-0001',
    receivedAt: '2025-01-20T10:00:00.000Z',
    employees: 5,
    competences: [qualite.id],
    jobsToCreate: 2,
    jobsToMaintain: 3,
    qualifiedAt: '2025-02-01T10:00:00.000Z',
    committee: committee('2025-02-15T10:00:00.000Z', '2025-03-10', 'approved'),
  },
  // Received and qualified in March, then withdrawn: still received and qualified in March.
  {
    reference: 'ALZ-86-2025-0002',
    receivedAt: '2025-03-05T09:00:00.000Z',
    employees: 12,
    competences: [qualite.id, exportCompetence.id],
    qualifiedAt: '2025-03-06T09:00:00.000Z',
    withdrawnAt: '2025-03-20T09:00:00.000Z',
  },
  {
    reference: 'ALZ-86-2025-0003',
    receivedAt: '2025-03-02T09:00:00.000Z',
    employees: 30,
    competences: [qualite.id],
    qualifiedAt: '2025-03-04T09:00:00.000Z',
    committee: committee('2025-03-05T09:00:00.000Z', '2025-03-10', 'rejected'),
  },
  // Deferred: not a decision.
  {
    reference: 'ALZ-86-2025-0004',
    receivedAt: '2025-03-03T09:00:00.000Z',
    employees: 8,
    competences: [rh.id],
    qualifiedAt: '2025-03-04T10:00:00.000Z',
    committee: committee('2025-03-05T10:00:00.000Z', '2025-03-10', 'deferred'),
  },
  // 23:30 UTC on 31 March is 1 April in Paris: an April receipt.
  {
    reference: 'ALZ-86-2025-0005',
    receivedAt: '2025-03-31T22:30:00.000Z',
    employees: 3,
    competences: [rh.id],
  },
  // Approved by the committee of 24 March, typed the day before: a March decision.
  {
    reference: 'ALZ-86-2025-0006',
    receivedAt: '2025-02-10T10:00:00.000Z',
    employees: 60,
    competences: [exportCompetence.id],
    jobsToCreate: 1,
    jobsToMaintain: 0,
    qualifiedAt: '2025-02-12T10:00:00.000Z',
    committee: {
      scheduledAt: '2025-02-20T10:00:00.000Z',
      committeeDate: '2025-03-24',
      decision: 'approved',
      decidedAt: '2025-03-23T16:00:00.000Z',
    },
  },
  // March 2024: the year-earlier column.
  {
    reference: 'ALZ-86-2024-0007',
    receivedAt: '2024-03-02T10:00:00.000Z',
    employees: 4,
    competences: [qualite.id],
    jobsToCreate: 4,
    jobsToMaintain: 1,
    qualifiedAt: '2024-03-03T10:00:00.000Z',
    committee: committee('2024-03-04T10:00:00.000Z', '2024-03-25', 'approved'),
  },
  // Received in November, approved in January 2025: the year to date's.
  {
    reference: 'ALZ-86-2024-0008',
    receivedAt: '2024-11-15T10:00:00.000Z',
    employees: 45,
    competences: [exportCompetence.id],
    jobsToCreate: 0,
    jobsToMaintain: 5,
    qualifiedAt: '2024-11-20T10:00:00.000Z',
    committee: committee('2024-12-01T10:00:00.000Z', '2025-01-12', 'approved'),
  },
  // Decided long ago, untouched since: only their missions bring them back.
  {
    reference: 'ALZ-86-2023-0009',
    receivedAt: '2023-12-01T10:00:00.000Z',
    employees: 15,
    competences: [rh.id],
    qualifiedAt: '2023-12-02T10:00:00.000Z',
    committee: committee('2023-12-03T10:00:00.000Z', '2024-01-20', 'approved'),
  },
  {
    reference: 'ALZ-86-2023-0010',
    receivedAt: '2023-10-01T10:00:00.000Z',
    employees: 4,
    competences: [qualite.id],
    qualifiedAt: '2023-10-02T10:00:00.000Z',
    committee: committee('2023-10-03T10:00:00.000Z', '2023-12-10', 'approved'),
  },
];

const missions: MissionStory[] = [
  // Ran in March 2024 and closed then; its SME answered the 12-month follow-up in March 2025.
  {
    reference: 'ALZ-86-2023-0009',
    partnerId: 'vienne-p-b',
    volunteerId: 'v-2',
    competenceId: rh.id,
    createdAt: '2024-02-20T10:00:00.000Z',
    interventions: [
      { date: '2024-03-05', status: 'done' },
      { date: '2024-03-19', status: 'done' },
      { date: '2024-03-26', status: 'cancelled' },
    ],
    closed: { at: '2024-03-30T10:00:00.000Z', jobsCreated: 1, jobsMaintained: 2 },
    followUps: [{ at: '2025-03-15T10:00:00.000Z', jobsCreated: 3, jobsMaintained: 1 }],
  },
  // Spans fifteen months, still open, last written in January 2024: found only as an open mission.
  {
    reference: 'ALZ-86-2023-0010',
    partnerId: 'vienne-p-a',
    volunteerId: 'v-1',
    competenceId: qualite.id,
    createdAt: '2024-01-05T10:00:00.000Z',
    interventions: [
      { date: '2024-01-15', status: 'done' },
      { date: '2024-03-10', status: 'done' },
      { date: '2025-02-20', status: 'done' },
      { date: '2025-03-05', status: 'done' },
      { date: '2025-03-12', status: 'cancelled' },
      { date: '2025-03-26', status: 'planned' },
      { date: '2025-04-02', status: 'planned' },
    ],
  },
  // Started, delivered and closed in March 2025.
  {
    reference: 'ALZ-86-2024-0008',
    partnerId: 'vienne-p-a',
    volunteerId: 'v-3',
    competenceId: exportCompetence.id,
    createdAt: '2025-02-01T10:00:00.000Z',
    interventions: [
      { date: '2025-03-08', status: 'done' },
      { date: '2025-03-15', status: 'done' },
    ],
    closed: { at: '2025-03-28T10:00:00.000Z', jobsCreated: 1, jobsMaintained: 4 },
  },
  // Created in March, its first half-day in April: not started, not active in March.
  {
    reference: 'ALZ-86-2025-0001',
    partnerId: 'vienne-p-b',
    volunteerId: 'v-2',
    competenceId: qualite.id,
    createdAt: '2025-03-20T10:00:00.000Z',
    interventions: [{ date: '2025-04-05', status: 'planned' }],
  },
];

const client = () => createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb));
let written = false;
const givenTheStory = async () => {
  if (written) return;
  written = true;
  const db = client();
  const table = config().dataTableName;
  await writeCatalogue(
    db,
    table,
    'vienne',
    [
      { competence: qualite, partnerIds: ['vienne-p-a', 'vienne-p-b'] },
      { competence: exportCompetence, partnerIds: ['vienne-p-a'] },
      { competence: rh, partnerIds: ['vienne-p-c'] },
    ],
    '2023-01-01T10:00:00.000Z',
  );
  for (const story of applications) await writeApplication(db, table, 'vienne', story);
  for (const story of missions) await writeMission(db, table, 'vienne', story);
  db.destroy();
};

const figures = (view: StatisticsView, key: string) =>
  view.rows.find((row) => row.key === key)?.cells.map((cell) => cell.shown);
const nnbsp = '\u202f';

describe('the monthly statistics of a network', () => {
  it('counts March 2025, the year to date and March 2024 as the definitions say', async () => {
    await givenTheStory();
    const view = await monthStatistics(statisticsDependencies(), 'vienne', '2025-03');

    expect(view.columns).toEqual(['mars 2025', 'Depuis le 1er janvier 2025', 'mars 2024']);
    expect(view.quiet).toBe(false);
    // March: 0002, 0003, 0004 (0005 is 1 April in Paris). Year: + 0001 (Jan), 0006 (Feb). 2024: 0007.
    expect(figures(view, 'received')).toEqual(['3', '5', '1']);
    expect(figures(view, 'qualified')).toEqual(['3', '5', '1']);
    // March: 0001 and 0006 (typed the day before its committee), 0004 deferred. Year: + 0008 (January).
    expect(figures(view, 'approved')).toEqual(['2', '3', '1']);
    expect(figures(view, 'rejected')).toEqual(['1', '1', '0']);
    expect(figures(view, 'approvalRate')).toEqual([`67${nnbsp}%`, `75${nnbsp}%`, `100${nnbsp}%`]);
    // March: 8 (0003), 42 (0006), 49 (0001) → 42; year: + 58 (0008) → (42 + 49) / 2; 2024: 23.
    expect(figures(view, 'medianDaysToDecision')).toEqual(['42', '45,5', '23']);
    // The long mission started in January 2024; the short one in March 2025; the old one in March 2024.
    expect(figures(view, 'missionsStarted')).toEqual(['1', '1', '1']);
    expect(figures(view, 'missionsActive')).toEqual(['2', '2', '2']);
    expect(figures(view, 'missionsClosed')).toEqual(['1', '1', '1']);
    // March: 5, 26 (12 cancelled) and 8, 15 → 4 planned, 3 done; year: + 20 February.
    expect(figures(view, 'halfDaysPlanned')).toEqual(['4', '5', '3']);
    expect(figures(view, 'halfDaysDelivered')).toEqual(['3', '4', '3']);
    expect(figures(view, 'partnersEngaged')).toEqual(['1', '1', '2']);
    expect(figures(view, 'volunteersEngaged')).toEqual(['2', '2', '2']);
    expect(figures(view, 'jobsToCreate')).toEqual(['3', '3', '4']);
    expect(figures(view, 'jobsToMaintain')).toEqual(['3', '8', '1']);
    expect(figures(view, 'jobsCreatedAtClosing')).toEqual(['1', '1', '1']);
    expect(figures(view, 'jobsMaintainedAtClosing')).toEqual(['4', '4', '2']);
    expect(figures(view, 'jobsCreatedAtFollowUp')).toEqual(['3', '3', '0']);
    expect(figures(view, 'jobsMaintainedAtFollowUp')).toEqual(['1', '1', '0']);
    // One TPE and one PME each time: a breakdown under 3 shows « < 3 », never the count.
    expect(view.sizes.map((row) => row.cells.map((cell) => cell.shown))).toEqual([
      ['<\u00a03', '<\u00a03', '<\u00a03'],
      ['<\u00a03', '<\u00a03', '<\u00a03'],
      ['0', '0', '0'],
    ]);
    // Requested in March: quality by 0002 and 0003, export by 0002, HR by 0004; offered by the partners.
    expect(view.competences.map((c) => [c.label, c.requested.shown, c.offered.shown])).toEqual([
      [qualite.label, '<\u00a03', '2'],
      [exportCompetence.label, '<\u00a03', '1'],
      [rh.label, '<\u00a03', '1'],
    ]);
  });

  it('gives a quiet month, and a network with no activity, a short honest answer', async () => {
    await givenTheStory();
    const deps = statisticsDependencies();
    const august = await monthStatistics(deps, 'vienne', '2024-08');
    const nothing = await monthStatistics(deps, 'creuse', '2025-03');

    expect(august.quiet).toBe(true);
    // The long mission was active all along, with no half-day that month.
    expect(figures(august, 'missionsActive')?.[0]).toBe('1');
    expect(nothing.quiet).toBe(true);
    expect(figures(nothing, 'approvalRate')).toEqual(['—', '—', '—']);
    expect(nothing.competences).toEqual([]);
  });

  it('rolls every network up for the national coordination, with a line per network', async () => {
    await givenTheStory();
    const view = await monthStatistics(statisticsDependencies(), 'national', '2025-03');
    const line = (id: string) =>
      view.networks?.find((network) => network.id === id)?.cells.map((c) => c.shown);

    expect(line('vienne')).toEqual(['3', '2', '1', '2', '3']);
    expect(line('creuse')).toEqual(['0', '0', '0', '0', '0']);
    const received = (view.networks ?? []).reduce(
      (total, network) => total + (network.cells[0]?.value ?? 0),
      0,
    );
    expect(view.rows.find((row) => row.key === 'received')?.cells[0].value).toBe(received);
  });
});

describe('the monthly statistics job', () => {
  it('mails each person once, in French, and sends nothing twice when run again', async () => {
    await givenTheStory();
    const mail = mailbox(cloud().urls.mailViewer);
    await mail.clear();
    const deps = monthlyStatisticsDependencies();

    const first = await sendMonthlyStatistics(deps, now, {});
    const second = await sendMonthlyStatistics(deps, now, {});
    const again = await sendMonthlyStatistics(deps, now, { network: 'vienne', month: '2025-03' });

    expect(first.month).toBe('2025-03');
    expect(second.queued).toBe(0);
    expect(again.queued).toBe(0);
    const mails = await mail.all();
    const to = (address: string) => mails.filter((m) => m.destination.to.includes(address));
    for (const address of [...vienne.staffEmails, ...(vienne.steeringCommitteeEmails ?? [])]) {
      expect(to(address)).toHaveLength(1);
    }
    expect(mails.every((m) => m.destination.to.length === 1)).toBe(true);
    const [ours] = to('copil@vienne.example.org');
    expect(ours?.subject).toBe('Les chiffres de mars 2025, Alizé Vienne');
    expect(ours?.from).toContain('vienne@');
    const html = ours?.body.html ?? '';
    const text = ours?.body.text ?? '';
    expect(html).toContain(`67${nnbsp}%`);
    expect(html).toContain('&#60;\u00a03');
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('Ce que compte chaque chiffre');
    expect(text).toContain('Depuis le 1er janvier 2025');
    expect(text).toContain('█');
    // Creuse had nothing: a short mail that says so.
    const [quiet] = to('alize@creuse.example.org');
    expect(quiet?.subject).toBe('Mois calme\u00a0: les chiffres de mars 2025, Alizé Creuse');
    expect(quiet?.body.text).toContain('Rien de nouveau en mars 2025');
    // Every one of them in French typography, subject, text and HTML.
    for (const sent of mails)
      for (const part of [sent.subject, sent.body.text ?? '', readableText(sent.body.html ?? '')])
        expect(typographyFaults(part), sent.subject).toEqual([]);
    // The national roll-up goes to the national coordination, once.
    expect(to(base.national.staffEmails[0] ?? '')).toHaveLength(1);
    // Each mail belongs to the monthly list, so that a person may stop it.
    const outbox = outboxRepository(
      createDocumentClient(localDynamoDbClient(cloud().urls.dynamodb)),
      config().dataTableName,
    );
    const { createHash } = await import('node:crypto');
    const id = `monthly-statistics:vienne:2025-03:${createHash('sha256').update('copil@vienne.example.org').digest('hex').slice(0, 24)}`;
    expect((await outbox.get(id, now))?.mail.list).toEqual({ kind: 'monthly-statistics' });
  });

  it('reads as much with ten times the history, the extra in other months', async () => {
    await givenTheStory();
    const db = client();
    const table = config().dataTableName;
    const settings = { networks: [vienne], national: base.national };
    const atOnce = await monthlyStatisticsReadCapacity(db, table, settings, '2025-03');

    // Nine times as many applications and missions again, all decided and closed years ago.
    for (let copy = 0; copy < 9; copy++) {
      for (const [index, story] of applications.entries()) {
        const reference = `ALZ-86-2020-${String(copy * 100 + index + 100).padStart(4, '0')}`;
        const year = 2020 + (copy % 2);
        await writeApplication(db, table, 'vienne', {
          ...story,
          reference,
          receivedAt: `${year}-02-0${(index % 9) + 1}T10:00:00.000Z`,
          qualifiedAt: `${year}-02-1${index % 9}T10:00:00.000Z`,
          committee: committee(
            `${year}-02-20T10:00:00.000Z`,
            `${year}-03-${String(10 + (index % 18)).padStart(2, '0')}`,
            'approved',
          ),
          withdrawnAt: undefined,
        });
      }
      for (const [index, story] of missions.entries()) {
        await writeMission(db, table, 'vienne', {
          ...story,
          reference: `ALZ-86-2020-${String(copy * 100 + index + 100).padStart(4, '0')}`,
          createdAt: '2021-04-01T10:00:00.000Z',
          interventions: story.interventions.map((intervention, n) => ({
            date: `2021-04-${String(n + 2).padStart(2, '0')}`,
            status: intervention.status === 'planned' ? 'done' : intervention.status,
          })),
          closed: { at: '2021-06-01T10:00:00.000Z', jobsCreated: 1, jobsMaintained: 1 },
          followUps: [],
        });
      }
    }
    const tenTimes = await monthlyStatisticsReadCapacity(db, table, settings, '2025-03');
    db.destroy();

    expect(atOnce).toBeGreaterThan(0);
    expect(tenTimes / atOnce).toBeLessThanOrEqual(1.1);
  });
});

describe('GET /api/staff/stats and its CSV', () => {
  const get = async (path: string, email: string) =>
    fetch(`${cloud().urls.site}${path}`, {
      headers: { accept: 'application/json', ...bearer(await staffTokens(cloud().issuer).access(email)) },
    });
  const nadia = 'nadia.roussel@astrees.example.org';
  const claire = 'claire.bernard@initiative-indre.example.org';

  it('answers the same figures as the job computes, and the CSV for funders', async () => {
    await givenTheStory();
    const answer = await get('/api/staff/stats?network=vienne&month=2025-03', nadia);
    const view = (await answer.json()) as StatisticsView;
    const file = await (
      await get('/api/staff/stats?network=vienne&month=2025-03&format=csv', nadia)
    ).arrayBuffer();
    // Read as the spreadsheet reads it, byte-order mark included.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file);

    expect(answer.status).toBe(200);
    expect(view).toEqual(await monthStatistics(statisticsDependencies(), 'vienne', '2025-03'));
    expect(csv.startsWith('\ufeffChiffre;Mois;Depuis le 1er janvier;Un an plus tôt\r\n')).toBe(true);
    expect(csv).toContain(`Taux d’agrément;67${nnbsp}%;75${nnbsp}%;100${nnbsp}%`);
    expect(csv).toContain(
      'PME accompagnées\u00a0: TPE (moins de 10\u00a0salariés);<\u00a03;<\u00a03;<\u00a03',
    );
  });

  it('keeps the roll-up for the national coordination, and says what is wrong with a month', async () => {
    const rollUp = await get('/api/staff/stats?network=national&month=2025-03', claire);
    const badMonth = await get('/api/staff/stats?network=indre&month=2025-13', claire);
    const national = await get('/api/staff/stats?network=national&month=2024-11', nadia);
    const future = await get('/api/staff/stats?network=indre&month=2099-01', claire);

    expect(rollUp.status).toBe(404);
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(await badMonth.json())).toContain('Le mois s’écrit comme 2027-02.');
    expect(future.status).toBe(400);
    expect(JSON.stringify(await future.json())).toContain('Ce mois n’est pas encore commencé');
    expect(national.status).toBe(200);
    expect(((await national.json()) as StatisticsView).networks?.map((n) => n.id)).toContain('vienne');
  });
});

describe('the demo data of the local cloud', () => {
  it('gives a newcomer’s first monthly mail a year-earlier column, and the daily digest something to say', async () => {
    const real = new Date();
    const month = lastMonth(real);
    const view = await monthStatistics(statisticsDependencies(), 'indre', month);
    const db = client();
    const missions = missionRepository(db, config().dataTableName);
    const [active, closing] = await Promise.all([
      missions.listByNetworkAndStatus('indre', 'active'),
      missions.listByNetworkAndStatus('indre', 'closing'),
    ]);
    db.destroy();
    const today = real.toISOString().slice(0, 10);
    const inAWeek = new Date(real.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);

    expect(view.quiet).toBe(false);
    expect(view.rows.find((row) => row.key === 'received')?.cells[2].value).toBeGreaterThan(0);
    expect(view.rows.find((row) => row.key === 'halfDaysDelivered')?.cells[2].value).toBeGreaterThan(0);
    expect(
      active.some((m) =>
        m.interventions.some((i) => i.status === 'planned' && i.date > today && i.date <= inAWeek),
      ),
    ).toBe(true);
    expect(active.some((m) => m.endDate < today)).toBe(true);
    expect(closing.length).toBeGreaterThan(0);
  });
});
