import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.ts';
import { applicationKeys } from '../../functions/db/entities/application.ts';
import { committeeKeys } from '../../functions/db/entities/committee.ts';
import { partitionOf, partitionQuery } from '../../functions/db/keys.ts';
import { queryAll } from '../../functions/db/query.ts';
import { config } from '../../functions/runtime/config.ts';
import { readApplication } from '../../functions/use-cases/applications/read-applications.ts';
import { importHistory, reportText } from '../../functions/use-cases/history-import/import-history.ts';
import { listApplicationMissions } from '../../functions/use-cases/missions/staff-missions.ts';
import { historyImportDependencies } from '../../functions/wiring/history-import.ts';
import { missionReadDependencies } from '../../functions/wiring/missions.ts';
import { staffReadDependencies } from '../../functions/wiring/staff.ts';
import { localDynamoDbClient } from '../../infra/local/emulators.ts';
import { givenLocalCloud } from '../support/local-cloud.ts';
import { givenApplication } from '../support/missions.ts';
import { claire, paul } from '../support/staff-actors.ts';

/**
 * `npm run import`: a network's spreadsheet history, checked whole, then written through the
 * repositories the back office uses, and read back through the back office's own use cases.
 */
const cloud = givenLocalCloud();
const sample = readFileSync(new URL('../../docs/import-exemple.csv', import.meta.url), 'utf8');
const repoRoot = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

const deps = () => {
  const settings = config();
  const client = createDocumentClient(localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''));
  return {
    client,
    table: settings.dataTableName,
    import: historyImportDependencies(client, settings.dataTableName, settings),
  };
};

const itemsOf = async (partition: string) => {
  const { client, table } = deps();
  return queryAll(client, { TableName: table, ...partitionQuery(partition), ConsistentRead: true });
};

const sampleReferences = [
  'ALZ-36-2019-0001',
  'ALZ-36-2021-0007',
  'ALZ-36-2023-0012',
  'ALZ-18-2020-0005',
  'ALZ-36-2026-0042',
];
const storedCount = async () => {
  const partitions = [
    ...sampleReferences.map((reference) => partitionOf(applicationKeys.of(reference))),
    committeeKeys.partition('indre'),
    committeeKeys.partition('cher'),
  ];
  const counts = await Promise.all(partitions.map(async (partition) => (await itemsOf(partition)).length));
  return counts.reduce((a, b) => a + b, 0);
};

const header =
  'Type;Réseau;Référence;Date de réception;Entreprise;Salariés;Code postal;Commune;Projet;Date de qualification;Date du comité;Décision;N° de mission;Compétence;Entreprise partenaire;Demi-journées prévues;Date de début;Date de fin;Date de la demi-journée;Créneau;Statut de la demi-journée';

describe('npm run import', () => {
  it('imports the sample file, and the back office reads each record with its real history', async () => {
    // Given the README's sample file, when it is imported
    const report = await importHistory(deps().import, sample, { now: new Date() });

    // Then every record is created, and the report says so, with the anonymisation to come
    expect(report.errors).toEqual([]);
    expect(report.applications).toEqual({ created: 5, present: 0 });
    expect(report.missions).toEqual({ created: 2, present: 0 });
    expect(report.committees).toEqual({ created: 4, present: 0 });
    expect(report.dueForAnonymisation).toBe(4);
    expect(reportText(report)).toContain('Candidatures\u00a0: 5 créées, 0 déjà présentes');
    expect(reportText(report)).toContain('4\u00a0candidatures du fichier ont dépassé ce délai');

    // And the application of 2019 reads, in the back office, as it happened
    const application = await readApplication(staffReadDependencies(), claire, 'ALZ-36-2019-0001');
    expect(application.status).toBe('closed');
    expect(application.source).toBe('import');
    expect(application.history.map((line) => [line.to, line.at.slice(0, 10), line.actor.name])).toEqual([
      ['received', '2019-01-14', 'Import de l’historique'],
      ['qualified', '2019-01-28', 'Import de l’historique'],
      ['scheduled', '2019-01-28', 'Import de l’historique'],
      ['approved', '2019-03-14', 'Import de l’historique'],
      ['in-progress', '2019-04-01', 'Import de l’historique'],
      ['closed', '2019-10-15', 'Import de l’historique'],
    ]);
    expect(application.history[2]?.committee).toEqual({ id: '2019-03-14-indre', date: '2019-03-14' });

    // And its mission, with its half-days, its outcomes and its follow-up
    const { missions } = await listApplicationMissions(missionReadDependencies(), claire, 'ALZ-36-2019-0001');
    expect(missions).toHaveLength(1);
    const [mission] = missions;
    expect(mission?.status).toBe('closed');
    expect(mission?.competence.label).toBe('Préparer une certification ISO 9001');
    expect(mission?.partner.name).toBe('Berry Aéro Composants');
    expect(mission?.totals).toEqual({ planned: 6, delivered: 6, remaining: 0 });
    expect(mission?.interventions.map((i) => [i.date, i.slot, i.status])).toContainEqual([
      '2019-05-02',
      'morning',
      'cancelled',
    ]);
    expect(mission?.startedAt?.slice(0, 10)).toBe('2019-04-01');
    expect(mission?.closedAt?.slice(0, 10)).toBe('2019-10-15');
    expect(mission?.outcomes.sme).toMatchObject({ jobsCreated: 1, jobsMaintained: 12, satisfaction: 5 });
    expect(mission?.outcomes.followUps).toMatchObject([{ month: 12, jobsCreated: 2, jobsMaintained: 13 }]);
    expect(new Set(mission?.history.map((line) => line.actor.name))).toEqual(
      new Set(['Import de l’historique']),
    );

    // And the running mission of 2026 waits for its planned half-day; Cher's deferred one is Cher's
    const running = await listApplicationMissions(missionReadDependencies(), claire, 'ALZ-36-2026-0042');
    expect(running.missions[0]?.status).toBe('active');
    expect(running.missions[0]?.totals).toEqual({ planned: 3, delivered: 2, remaining: 1 });
    const cher = await readApplication(staffReadDependencies(), paul, 'ALZ-18-2020-0005');
    expect(cher.status).toBe('deferred');
    expect(cher.history.at(-1)?.reason).toBe('Revoir le chiffrage du projet.');
  });

  it('changes nothing when the same file is imported again', async () => {
    // Given the sample imported (by the test above, or now)
    await importHistory(deps().import, sample, { now: new Date() });
    const before = await storedCount();

    // When it is imported once more
    const again = await importHistory(deps().import, sample, { now: new Date() });

    // Then everything is already there, and the table holds the same items
    expect(again.applications).toEqual({ created: 0, present: 5 });
    expect(again.missions).toEqual({ created: 0, present: 2 });
    expect(again.committees).toEqual({ created: 0, present: 4 });
    expect(await storedCount()).toBe(before);
    const committee = (await itemsOf(committeeKeys.partition('indre'))).find(
      (item) => item.id === '2019-03-14-indre',
    );
    expect(committee?.decisions).toHaveLength(1);
  });

  it('reports every error by line and column in French, and writes nothing', async () => {
    // Given a file where one row is right and the others are not
    const file = [
      header,
      'candidature;indre;ALZ-36-2018-0100;10/01/2018;Atelier Juste;4;36000;Châteauroux;Un projet bien écrit;;;;;;;;;;;;',
      'candidature;indre;ALZ-36-2019-0101;31/02/2019;Atelier Faux;4;36000;Châteauroux;Un projet;;;;;;;;;;;;',
      'candidature;lorraine;ALZ-36-2019-0102;10/01/2019;Atelier Perdu;4;36000;Châteauroux;Un projet;;;;;;;;;;;;',
      'candidature;indre;ALZ-36-2019-0103;10/01/2019;Atelier Pressé;4;36000;Châteauroux;Un projet;;15/03/2019;Retenue;;;;;;;;;',
      'candidature;indre;ALZ-36-2019-0104;10/01/2019;Atelier Long;4;36000;Châteauroux;Un projet;15/01/2019;15/03/2019;Retenue;;;;;;;;;',
      'mission;;ALZ-36-2019-0104;;;;;;;;;;1;Jonglage;indre-aero;4;01/04/2019;01/04/2021;;;',
      'demi-journée;;ALZ-36-2019-0199;;;;;;;;;;1;;;;;;04/04/2019;soir;réalisée',
      'candidature;indre;ALZ-36-2019-0105;10/01/2019;Atelier Refusé;4;36000;Châteauroux;Un projet;15/01/2019;15/03/2019;Approuvée;;;;;;;;;',
    ].join('\n');

    // When it is imported
    const report = await importHistory(deps().import, file, { now: new Date() });

    // Then each error names its line and column, in French, and nothing was written
    expect(report.errors).toEqual([
      'ligne 3, colonne «\u00a0Date de réception\u00a0»\u00a0: la date 31/02/2019 n’existe pas.',
      'ligne 4, colonne «\u00a0Réseau\u00a0»\u00a0: le réseau «\u00a0lorraine\u00a0» n’est pas dans les réglages (réseaux\u00a0: indre, cher).',
      'ligne 5, colonne «\u00a0Date de qualification\u00a0»\u00a0: une candidature passe en comité une fois qualifiée\u00a0: indiquez la date de qualification.',
      'ligne 7, colonne «\u00a0Compétence\u00a0»\u00a0: «\u00a0Jonglage\u00a0» n’est pas une compétence du catalogue du réseau (son identifiant ou son intitulé).',
      'ligne 8, colonne «\u00a0N° de mission\u00a0»\u00a0: aucune ligne «\u00a0mission\u00a0» du fichier n’est la mission 1 de ALZ-36-2019-0199.',
      'ligne 9, colonne «\u00a0Décision\u00a0»\u00a0: «\u00a0Approuvée\u00a0» n’est pas une valeur possible\u00a0: «\u00a0Retenue\u00a0», «\u00a0Non retenue\u00a0», «\u00a0Ajournée\u00a0», «\u00a0Informations demandées\u00a0».',
    ]);
    expect(reportText(report)).toMatch(/^6\u00a0erreurs dans le fichier\u00a0: rien n’a été écrit\./);
    expect(await itemsOf(partitionOf(applicationKeys.of('ALZ-36-2018-0100')))).toEqual([]);
  });

  it('refuses a reference already given to an application the site or staff recorded', async () => {
    const taken = await givenApplication('received');
    const file = [
      header,
      `candidature;indre;${taken};10/01/${taken.slice(7, 11)};Atelier Doublon;4;36000;Châteauroux;Un projet;;;;;;;;;;;;`,
    ].join('\n');
    const report = await importHistory(deps().import, file, { now: new Date() });
    expect(report.errors).toEqual([
      `ligne 2, colonne «\u00a0Référence\u00a0»\u00a0: la référence ${taken} est déjà celle d’une candidature enregistrée dans Alizé\u00a0: donnez-en une autre à cette ligne.`,
    ]);
    const stored = await readApplication(staffReadDependencies(), claire, taken);
    expect(stored.source).toBe('public-form');
  });

  it('refuses a mission longer than 18 months, by the missions’ own rule', async () => {
    const file = [
      header,
      'candidature;indre;ALZ-36-2019-0110;10/01/2019;Atelier Long;4;36000;Châteauroux;Un projet;15/01/2019;15/03/2019;Retenue;;;;;;;;;',
      'mission;;ALZ-36-2019-0110;;;;;;;;;;1;indre-iso-9001;indre-aero;4;01/04/2019;01/04/2021;;;',
    ].join('\n');
    const report = await importHistory(deps().import, file, { now: new Date() });
    expect(report.errors).toEqual([
      'ligne 3, colonne «\u00a0Date de fin\u00a0»\u00a0: une mission dure au plus 18\u00a0mois\u00a0: commencée le 1er avril 2019, elle se termine au plus tard le 1er octobre 2020.',
    ]);
  });

  it('tells its progress on a large file, a line every 500 rows', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, index) =>
        `candidature;indre;ALZ-36-2015-${String(index + 1).padStart(4, '0')};10/01/2015;Entreprise ${index + 1};4;36000;Châteauroux;Un projet;;;;;;;;;;;;`,
    );
    const lines: string[] = [];
    const report = await importHistory(deps().import, [header, ...rows].join('\n'), {
      now: new Date(),
      dryRun: true,
      progress: (line) => lines.push(line),
    });
    expect(report.errors).toEqual([]);
    expect(report.applications).toEqual({ created: 3000, present: 0 });
    expect(lines[0]).toBe('Lecture\u00a0: 3\u202f000\u00a0lignes');
    expect(lines.filter((line) => line.startsWith('Vérification'))).toHaveLength(6);
    expect(lines.at(-1)).toBe('Vérification dans la table (candidatures)\u00a0: 3\u202f000 / 3\u202f000');
    expect(await itemsOf(partitionOf(applicationKeys.of('ALZ-36-2015-0001')))).toEqual([]);
  }, 60_000);

  it('runs as a command: a dry run of the sample, and French usage errors', async () => {
    const command = (args: string[]) =>
      run(process.execPath, ['infra/import/history.ts', ...args], {
        cwd: repoRoot,
        env: { ...process.env, ALIZE_DYNAMODB_PORT: new URL(cloud().urls.dynamodb).port },
      });
    const { stdout, stderr } = await command(['docs/import-exemple.csv', '--dry-run']);
    expect(stderr).toContain('Lecture\u00a0: 17\u00a0lignes');
    expect(stdout).toContain('Essai (--dry-run)');
    await expect(command(['--stage'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--stage attend une valeur.'),
    });
  });
});
