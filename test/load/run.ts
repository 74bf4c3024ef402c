import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { readSettingsFile } from '../../infra/config.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { staffTokens } from '../support/staff-tokens.ts';
import { type CallKind, countChecks, type LoadResult, runLoad } from './run-load.ts';

/**
 * `npm run load`: 50 clients posting applications and 20 staff clients reading the inbox and logging
 * half-days, for 30 s, against a local cloud of its own (on loopback, in memory), then as many plain
 * PutItem calls straight to dynalite for as long. Prints the figures and the counts in French and
 * writes them to bench/load-results.json. Exits with 1 when a count is off (a 5xx, an application
 * lost, a mail lost or doubled); timings are reported, never judged: they say as much about this
 * machine as about the code. The short variant in `npm test` is test/integration/load.test.ts.
 */
const durationMs = 30_000;
const submitters = 50;
const staffClients = 20;
const p99Goal = 5;

// The machine's own load says how far the timings can be trusted: on a shared machine they move.
const loadBefore = loadavg()[0] ?? 0;
const settings = readSettingsFile();
// Every client posts from 127.0.0.1: the form limit per address must not answer 429.
const cloud = await startLocalCloud({
  ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
  runSchedules: false,
  settings: { ...settings, forms: { ...settings.forms, rateLimitPerHour: 100_000 } },
});
let result: LoadResult;
try {
  console.log(
    `Charge\u00a0: ${submitters} clients qui candidatent et ${staffClients} membres de l’équipe, pendant ${durationMs / 1000}\u00a0s, puis ${submitters} clients PutItem pendant autant…`,
  );
  result = await runLoad({
    site: cloud.urls.site,
    dynamodbEndpoint: cloud.urls.dynamodb,
    mailViewer: cloud.urls.mailViewer,
    durationMs,
    submitters,
    staffClients,
    staffToken: await staffTokens(cloud.issuer).access('claire.bernard@initiative-indre.example.org'),
    deliverOutbox: () => cloud.scheduler.runNow('deliver-outbox'),
  });
} finally {
  await cloud.stop();
}

const decimal = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const labels: Record<CallKind, string> = {
  application: 'POST /api/applications (candidature valide)',
  inbox: 'GET /api/staff/applications (boîte de réception)',
  plan: 'POST …/interventions (demi-journée prévue)',
  done: 'POST …/interventions/{id} (demi-journée réalisée)',
  putItem: 'PutItem direct dans dynalite (référence)',
};
const clientsOf = (kind: CallKind) =>
  kind === 'application' ? submitters : kind === 'putItem' ? result.baselineClients : staffClients;
const rows = (Object.keys(labels) as CallKind[]).map((kind) => {
  const figures = result.figures[kind];
  return {
    appel: labels[kind],
    clients: clientsOf(kind),
    réponses: figures.calls,
    'par seconde': decimal(figures.perSecond, 1),
    'p50 (ms)': decimal(figures.p50Ms),
    'p99 (ms)': decimal(figures.p99Ms),
    statuts: Object.entries(figures.statuses)
      .map(([status, count]) => `${status}\u00a0×\u00a0${count}`)
      .join(', '),
  };
});
console.log('\nRéponses (latence mesurée par le client, de l’envoi à la fin du corps)\u00a0:');
console.table(rows);
console.log(
  `p99 candidature / p99 PutItem\u00a0: ×${decimal(result.p99Ratio, 1)} (objectif\u00a0: ≤\u00a0×${p99Goal}, indicatif)`,
);

console.log(
  `Charge moyenne de la machine (1\u00a0min)\u00a0: ${decimal(loadBefore, 1)} avant, ${decimal(loadavg()[0] ?? 0, 1)} après, pour ${availableParallelism()}\u00a0cœurs.`,
);
if (result.checks.serverErrors > 0) {
  console.log(
    'Des réponses 5xx\u00a0: si elles arrivent vers 10\u00a0s (voir le p99), c’est le délai des fonctions, dépassé parce que le nuage local, en un seul processus, est saturé\u00a0; sinon, une erreur à chercher.',
  );
}

const checks = countChecks(result);
console.log('\nCe qu’une personne remarquerait\u00a0:');
console.table(checks);
console.log(
  `Courriels partis pendant les requêtes\u00a0: ${result.checks.mailsSentDuringRequests} sur ${result.checks.mailsExpected}\u00a0; le reste, par la tâche deliver-outbox lancée ensuite.`,
);

const benchDir = new URL('../../bench/', import.meta.url);
mkdirSync(benchDir, { recursive: true });
writeFileSync(
  new URL('load-results.json', benchDir),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: availableParallelism(),
        node: process.version,
        loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
      },
      p99Goal,
      ...result,
    },
    null,
    2,
  )}\n`,
);
console.log('\nChiffres écrits dans bench/load-results.json.');

const off = checks.filter((check) => check.résultat !== 'ok').length;
if (off > 0) {
  console.log(`\n${off} contrôle(s) en écart.`);
  process.exitCode = 1;
}
