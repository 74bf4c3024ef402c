import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSettingsFile } from '../../infra/config.ts';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import { launchChromium } from '../support/browser.ts';
import {
  kilobytes,
  measurePage,
  medianLoadMs,
  type PageWeight,
  pageBudgetBytes,
  type Weight,
} from '../support/page-weight.ts';
import { missingPagePath, siteDist, sitemapPaths } from '../support/sitemap.ts';
import { measureApi } from './api.ts';
import { bundleSummary, measureBundles, printBundles } from './bundles.ts';
import type { JobSide } from './job-capacity.ts';
import { type LighthouseReport, lighthousePages, measureLighthouse, printLighthouse } from './lighthouse.ts';
import {
  type MiddyOverheadRow,
  measureMiddyOverhead,
  middyOverheadSummary,
  printMiddyOverhead,
} from './middy-overhead.ts';
import { measureRequestCosts, type RequestCost } from './request-costs.ts';

/**
 * `npm run bench`: every page of the built sitemap (and the 404 page) loaded in Chromium from the
 * local cloud, with an empty cache. Prints, per page, the requests, the bytes (raw, and as a gzip
 * estimate of CloudFront's compression) and the JavaScript among them; a form page gets a second
 * line once someone starts filling it (zod/mini and the shared schema load then). Load times are
 * shown only relative to the fastest page of the same run: absolute figures say more about this
 * machine. The budget is in raw bytes, at load and in use alike; the gzip columns are for
 * information. Then the scheduled jobs' read capacity with the table at 1× and at 10× its size
 * (test/bench/job-capacity.ts), beside a full Scan's. Exits with 1 when a page breaks the budget or a
 * job's reads grow past 1.1× with the table, so CI could use it; the test of the page budget is
 * test/e2e/page-weight.test.ts.
 */
if (!existsSync(new URL('index.html', siteDist))) {
  console.log('site/dist est absent : construction du site…');
  execFileSync('npm', ['run', 'build:site'], { stdio: 'inherit' });
}

const settings = readSettingsFile();
// The bench posts more applications than a person would: the form limit must not answer 429.
const cloud = await startLocalCloud({
  ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
  runSchedules: false,
  settings: { ...settings, forms: { ...settings.forms, rateLimitPerHour: 10_000 } },
});
const browser = await launchChromium();
const results: PageWeight[] = [];
let apiRows: Awaited<ReturnType<typeof measureApi>> = [];
let requestCosts: RequestCost[] = [];
let lighthouse: LighthouseReport | undefined;
let middyRows: MiddyOverheadRow[] = [];
try {
  // One load first, whose time is not kept: the first page pays for starting the server's modules.
  await measurePage(browser, cloud.urls.site, '/');
  for (const path of [...sitemapPaths(), missingPagePath]) {
    const weight = await measurePage(browser, cloud.urls.site, path);
    results.push({ ...weight, loadMs: await medianLoadMs(browser, cloud.urls.site, path) });
  }
  apiRows = await measureApi(cloud.urls.site);
  requestCosts = await measureRequestCosts(cloud);
  lighthouse = await measureLighthouse(cloud.urls.site, await lighthousePages(cloud.issuer));
  middyRows = await measureMiddyOverhead({ cloud });
} finally {
  await browser.close();
  await cloud.stop();
}

const fastest = Math.min(...results.map((result) => result.loadMs).filter(Number.isFinite));
const row = (label: string, weight: Weight, ratio: string, flag: string) => ({
  page: label,
  requêtes: weight.requests,
  'total brut': kilobytes(weight.bytes),
  'dont JS brut': kilobytes(weight.jsBytes),
  'total transféré': kilobytes(weight.transferredBytes),
  'dont JS transféré': kilobytes(weight.jsTransferredBytes),
  chargement: ratio,
  budget: flag,
});

const rows = [];
let overBudget = 0;
for (const result of results) {
  const atLoadOver = result.atLoad.bytes >= pageBudgetBytes;
  overBudget += atLoadOver ? 1 : 0;
  rows.push(
    row(
      result.path,
      result.atLoad,
      `×${(result.loadMs / fastest).toFixed(2)}`,
      atLoadOver ? 'DÉPASSE (brut)' : 'ok',
    ),
  );
  if (result.inUse) {
    const inUseOver = result.inUse.bytes >= pageBudgetBytes;
    overBudget += inUseOver ? 1 : 0;
    rows.push(row('  + formulaire en cours', result.inUse, '', inUseOver ? 'DÉPASSE (brut)' : 'ok'));
  }
}

console.log(
  `\nPoids des pages (budget : ${kilobytes(pageBudgetBytes)} brut par page, au chargement comme formulaire en cours ; 1 Ko = 1 024 octets)`,
);
console.table(rows);
console.log(
  'brut : octets décodés (le budget) ; transféré : corps reçus, compressés par le front local comme CloudFront compresse (Brotli ou gzip).',
);
console.log(
  'chargement : durée médiane (3 chargements) jusqu’à l’événement load, rapportée à la page la plus rapide de cette mesure.',
);
console.log('\nAPI à travers le front local (médiane de 15 appels, rapportée à la route de repli) :');
console.table(apiRows);

// The jobs' read capacity with the table at 1× and 10×, each side in a process of its own.
const jobSide = (scale: number): JobSide =>
  JSON.parse(
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('job-capacity.ts', import.meta.url)), '--scale', String(scale)],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .at(-1) ?? '{}',
  ) as JobSide;
const once = jobSide(1);
const tenfold = jobSide(10);
const capacityGoal = 1.1;
const jobRows = once.jobs.map((at1) => {
  const at10 = tenfold.jobs.find((job) => job.job === at1.job);
  const grows = (at10?.readUnits ?? Number.NaN) > Math.max(at1.readUnits, 0.5) * capacityGoal;
  return {
    tâche: at1.job,
    'UC lues 1×': at1.readUnits,
    'UC lues 10×': at10?.readUnits ?? Number.NaN,
    rapport: at1.readUnits > 0 ? `×${((at10?.readUnits ?? 0) / at1.readUnits).toFixed(2)}` : '—',
    objectif: `≤ ×${capacityGoal}`,
    résultat: grows ? 'DÉPASSE' : 'ok',
    'UC écrites 1×': at1.writeUnits,
    'appels DynamoDB': at1.dynamodbCalls,
    'à la suite': at1.sequential,
    'envois SES': at1.sesCalls,
  };
});
const capacityOver = jobRows.filter((job) => job.résultat !== 'ok').length;
console.log(
  `\nTâches planifiées, par leur vrai handler (dynalite, ReturnConsumedCapacity) : la table à 1× (${once.items} éléments) et à 10× (${tenfold.items} éléments, le surplus en 2024, rien d’échu) ; un Scan complet coûterait ${once.scanReadUnits} puis ${tenfold.scanReadUnits} UC lues (×${(tenfold.scanReadUnits / once.scanReadUnits).toFixed(2)}).`,
);
console.table(jobRows);
console.log('Une requête vide compte 0 UC dans dynalite ; DynamoDB en compte 0,5.');
if (capacityOver > 0) {
  console.log(`\n${capacityOver} tâche(s) dont la lecture croît avec la taille de la table.`);
  process.exitCode = 1;
}

console.log(
  '\nCe que coûte une requête sur une instance chaude (appels comptés sur les clients des fonctions) :',
);
console.table(
  requestCosts.map((cost) => ({
    requête: cost.request,
    statut: cost.status,
    'appels DynamoDB': cost.dynamodbCalls,
    'envois SES': cost.sesCalls,
    'à la suite': cost.sequential,
    'au plus à la fois': cost.mostAtOnce,
    'UC lues': cost.readUnits,
    'UC écrites': cost.writeUnits,
  })),
);

// Timings of a lab run on this machine: shown against their goals, never a reason to fail.
if (lighthouse) printLighthouse(lighthouse);
printMiddyOverhead(middyRows);

// Each bundle beside an SDK-only twin of the same clients; loads alternate, 5 each (15 take minutes).
const bundleLoadRuns = 5;
const bundleRows = await measureBundles({ loadRuns: bundleLoadRuns });
printBundles(bundleRows, bundleLoadRuns);

const resultsFile = new URL('../../bench/results.json', import.meta.url);
mkdirSync(new URL('.', resultsFile), { recursive: true });
writeFileSync(
  resultsFile,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      pages: results,
      api: apiRows,
      requests: requestCosts,
      jobs: { goal: capacityGoal, atOnce: once, tenfold },
      lighthouse,
      middy: middyOverheadSummary(middyRows),
      bundles: bundleSummary(bundleRows),
    },
    null,
    2,
  )}\n`,
);
console.log(`\nLes mêmes chiffres en JSON : ${fileURLToPath(resultsFile)}`);

if (overBudget > 0) {
  console.log(`\n${overBudget} mesure(s) hors budget.`);
  process.exitCode = 1;
}
