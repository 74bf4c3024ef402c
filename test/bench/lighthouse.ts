import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startLocalCloud } from '../../infra/local/cloud.ts';
import type { LocalIssuer } from '../../infra/local/issuer.ts';
import { chromiumPath } from '../support/browser.ts';
import { siteDist } from '../support/sitemap.ts';
import { staffTokens } from '../support/staff-tokens.ts';

/**
 * Lighthouse 13 in the lab, mobile preset (its default: a mid-range phone, simulated slow 4G, CPU
 * slowed 4×), in Debian's Chromium, on a few pages of the local cloud: performance, accessibility,
 * LCP, TBT and CLS against the goals. Lighthouse is no dependency of the project: it is installed
 * under a temporary prefix when absent (`LIGHTHOUSE_PREFIX`, /tmp/lh by default), and its Node API
 * driven through its own puppeteer-core. Its figures are timings, simulated from this machine's
 * network trace and CPU: for the bench to print, never for a test to assert.
 *
 * A back-office page needs a session: the tab gets, before Lighthouse loads the page, the tokens the
 * local issuer gives a seeded account once signed in, where the back office keeps them
 * (sessionStorage, site/src/lib/staff/session.ts). Lighthouse's own storage reset leaves
 * sessionStorage alone and its navigation stays in that tab, so the page loads signed in, with an
 * empty HTTP cache as every other page.
 *
 *   node test/bench/lighthouse.ts   (its own local cloud; prints the rows, then one JSON line)
 *   LIGHTHOUSE_REPORTS=/tmp/rapports node test/bench/lighthouse.ts   (and each page's whole report)
 */

export const lighthouseGoals = { performance: 100, accessibility: 100, lcpMs: 1000, cls: 0 } as const;

/** Where the back office keeps a tab's tokens (site/src/lib/staff/session.ts). */
const sessionTokensKey = 'alize.espace-equipe.jetons';

export interface StaffSession {
  accessToken: string;
  idToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface LighthousePage {
  path: string;
  /** What a person calls the page, for the rows. */
  label: string;
  /** For a back-office page: the tokens of a signed-in person, put in the tab before the run. */
  session?: StaffSession;
}

/** What sign-in gives this seeded account, as the back office stores it. */
export const staffSessionOf = async (
  issuer: Pick<LocalIssuer, 'url' | 'clientId' | 'keys'>,
  email: string,
): Promise<StaffSession> => {
  const tokens = staffTokens(issuer);
  const accessToken = await tokens.access(email);
  const payload = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
    exp: number;
  };
  return { accessToken, idToken: await tokens.id(email), expiresAt: payload.exp * 1000 };
};

/** The home page, the catalogue, the application form, and the applications list of the back office, signed in. */
export const lighthousePages = async (
  issuer: Pick<LocalIssuer, 'url' | 'clientId' | 'keys'>,
): Promise<LighthousePage[]> => [
  { path: '/', label: 'accueil' },
  { path: '/catalogue/', label: 'catalogue' },
  { path: '/candidater/', label: 'formulaire de candidature' },
  {
    path: '/espace-equipe/candidatures/',
    label: 'espace équipe, candidatures (connectée)',
    session: await staffSessionOf(issuer, 'claire.bernard@initiative-indre.example.org'),
  },
];

export interface LighthouseAuditFlag {
  id: string;
  category: 'performance' | 'accessibility';
  /** Lighthouse's own title, in French. */
  title: string;
  displayValue?: string;
  score: number;
}

export interface LighthouseMeasure {
  path: string;
  label: string;
  /** Where Lighthouse ended up: a back-office page without its session would be the issuer's. */
  finalUrl: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The goals this page misses, in French (empty: all met). */
  misses: string[];
  /** What Lighthouse flags on this page (audits below full marks), worst first. */
  flagged: LighthouseAuditFlag[];
  /** The element Lighthouse took as the largest contentful paint (its selector and first words). */
  lcpElement?: string;
  /** The elements whose shifts make up the CLS. */
  shiftedElements: string[];
  /** Lighthouse's warnings on the run (e.g. a slow machine), in French. */
  warnings: string[];
}

export interface LighthouseReport {
  lighthouse: string;
  chromium: string;
  formFactor: string;
  throttling: string;
  goals: typeof lighthouseGoals;
  pages: LighthouseMeasure[];
}

// The few parts of Lighthouse's result read here (it has no types in the project).
interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: unknown;
}
interface Category {
  score: number | null;
  auditRefs: { id: string; group?: string }[];
}
interface Lhr {
  lighthouseVersion: string;
  environment: { hostUserAgent: string };
  finalDisplayedUrl: string;
  configSettings: { formFactor: string; throttlingMethod: string };
  categories: Record<'performance' | 'accessibility', Category>;
  audits: Record<string, Audit>;
  runWarnings: string[];
  runtimeError?: { code: string; message: string };
}
interface PuppeteerPage {
  goto(url: string): Promise<unknown>;
  evaluate<A extends unknown[]>(fn: (...args: A) => void, ...args: A): Promise<void>;
  close(): Promise<void>;
}
interface PuppeteerBrowser {
  newPage(): Promise<PuppeteerPage>;
  version(): Promise<string>;
  close(): Promise<void>;
}
type RunLighthouse = (
  url: string,
  flags: Record<string, unknown>,
  config: undefined,
  page: PuppeteerPage,
) => Promise<{ lhr: Lhr } | undefined>;

const lighthousePrefix = process.env.LIGHTHOUSE_PREFIX ?? '/tmp/lh';

/** Lighthouse 13 and its puppeteer-core, from the temporary prefix (installed there first if absent). */
const loadLighthouse = async () => {
  const fromPrefix = createRequire(join(lighthousePrefix, 'package.json'));
  const resolveLighthouse = () => {
    try {
      const main = fromPrefix.resolve('lighthouse');
      const { version } = fromPrefix('lighthouse/package.json') as { version: string };
      return version.startsWith('13.') ? main : undefined;
    } catch {
      return undefined;
    }
  };
  if (!resolveLighthouse()) {
    console.log(`Lighthouse 13 est absent\u00a0: installation sous ${lighthousePrefix}…`);
    execFileSync(
      'npm',
      ['install', '--prefix', lighthousePrefix, '--no-audit', '--no-fund', 'lighthouse@13'],
      {
        stdio: 'inherit',
      },
    );
  }
  const main = resolveLighthouse();
  if (!main) throw new Error(`Lighthouse 13 could not be installed under ${lighthousePrefix}`);
  // puppeteer-core as Lighthouse itself resolves it, so that the page it is given is one it knows.
  const puppeteerMain = createRequire(main).resolve('puppeteer-core');
  const lighthouse = (await import(pathToFileURL(main).href)).default as RunLighthouse;
  const puppeteer = (await import(pathToFileURL(puppeteerMain).href)).default as {
    launch(options: Record<string, unknown>): Promise<PuppeteerBrowser>;
  };
  return { lighthouse, puppeteer };
};

const score = (category: Category) => Math.round((category.score ?? 0) * 100);
const numeric = (lhr: Lhr, id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;

/** Audits below full marks, metrics aside (they are the columns): what Lighthouse would have fixed. */
const flaggedAudits = (lhr: Lhr): LighthouseAuditFlag[] =>
  (['performance', 'accessibility'] as const)
    .flatMap((category) =>
      lhr.categories[category].auditRefs
        .filter((ref) => ref.group !== 'metrics')
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (audit): audit is Audit =>
            audit !== undefined &&
            audit.score !== null &&
            audit.score < 1 &&
            !['informative', 'notApplicable', 'manual', 'error'].includes(audit.scoreDisplayMode),
        )
        .map((audit) => ({
          id: audit.id,
          category,
          title: audit.title,
          displayValue: audit.displayValue || undefined,
          score: audit.score ?? 0,
        })),
    )
    .sort((a, b) => a.score - b.score);

/** The DOM nodes an audit's details name, as `selector « first words »`. */
const nodesOf = (details: unknown): string[] => {
  const found: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const node = value as { type?: string; selector?: string; nodeLabel?: string };
      if (node.type === 'node' && node.selector) {
        found.push(`${node.selector} «\u00a0${node.nodeLabel ?? ''}\u00a0»`);
      } else Object.values(value).forEach(visit);
    }
  };
  visit(details);
  // The same element shifting twice is one culprit.
  return [...new Set(found)];
};

type Figures = Omit<LighthouseMeasure, 'misses' | 'flagged' | 'warnings' | 'lcpElement' | 'shiftedElements'>;

const missesOf = (measure: Figures): string[] => {
  const misses: string[] = [];
  if (measure.performance < lighthouseGoals.performance) misses.push(`performance ${measure.performance}`);
  if (measure.accessibility < lighthouseGoals.accessibility)
    misses.push(`accessibilité ${measure.accessibility}`);
  if (!(measure.lcpMs <= lighthouseGoals.lcpMs)) misses.push(`LCP ${seconds(measure.lcpMs)}`);
  if (!(measure.cls <= lighthouseGoals.cls)) misses.push(`CLS ${decimal(measure.cls)}`);
  return misses;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')}\u00a0s`;
const decimal = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(3).replace('.', ',');

/**
 * Runs Lighthouse on each page of `siteUrl`, one after another, each in a tab of its own of one
 * headless Chromium (Lighthouse empties the HTTP cache before each page).
 */
export const measureLighthouse = async (
  siteUrl: string,
  pages: readonly LighthousePage[],
): Promise<LighthouseReport> => {
  const { lighthouse, puppeteer } = await loadLighthouse();
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? chromiumPath,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
  const measures: LighthouseMeasure[] = [];
  let lhrOfAny: Lhr | undefined;
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      try {
        if (page.session) {
          // On the site's origin (any file of it), the tokens where the back office looks for them.
          await tab.goto(new URL('/robots.txt', siteUrl).href);
          await tab.evaluate(
            (key: string, value: string) => sessionStorage.setItem(key, value),
            sessionTokensKey,
            JSON.stringify(page.session),
          );
        }
        const result = await lighthouse(
          new URL(page.path, siteUrl).href,
          {
            logLevel: 'error',
            output: 'json',
            locale: 'fr',
            onlyCategories: ['performance', 'accessibility'],
          },
          undefined,
          tab,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse gave no result for ${page.path}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${lhr.runtimeError.message}`);
        lhrOfAny = lhr;
        // The whole report, to open in Lighthouse's viewer, when asked for.
        if (process.env.LIGHTHOUSE_REPORTS) {
          mkdirSync(process.env.LIGHTHOUSE_REPORTS, { recursive: true });
          const name = page.path.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'accueil';
          writeFileSync(join(process.env.LIGHTHOUSE_REPORTS, `${name}.json`), JSON.stringify(lhr));
        }
        const measure = {
          path: page.path,
          label: page.label,
          finalUrl: lhr.finalDisplayedUrl,
          performance: score(lhr.categories.performance),
          accessibility: score(lhr.categories.accessibility),
          fcpMs: numeric(lhr, 'first-contentful-paint'),
          lcpMs: numeric(lhr, 'largest-contentful-paint'),
          tbtMs: numeric(lhr, 'total-blocking-time'),
          cls: numeric(lhr, 'cumulative-layout-shift'),
        };
        const misses = missesOf(measure);
        if (!lhr.finalDisplayedUrl.startsWith(new URL(page.path, siteUrl).href)) {
          misses.unshift(`page mesurée\u00a0: ${lhr.finalDisplayedUrl}`);
        }
        measures.push({
          ...measure,
          misses,
          flagged: flaggedAudits(lhr),
          lcpElement: nodesOf(lhr.audits['lcp-breakdown-insight']?.details)[0],
          shiftedElements: nodesOf(lhr.audits['cls-culprits-insight']?.details),
          warnings: lhr.runWarnings,
        });
      } finally {
        await tab.close();
      }
    }
    return {
      lighthouse: lhrOfAny?.lighthouseVersion ?? '',
      chromium: await browser.version(),
      formFactor: lhrOfAny?.configSettings.formFactor ?? '',
      throttling: lhrOfAny?.configSettings.throttlingMethod ?? '',
      goals: lighthouseGoals,
      pages: measures,
    };
  } finally {
    await browser.close();
  }
};

/** One row per page, French column names, for `console.table`. */
export const lighthouseRows = (report: LighthouseReport) =>
  report.pages.map((page) => ({
    page: page.label,
    performance: page.performance,
    accessibilité: page.accessibility,
    LCP: seconds(page.lcpMs),
    TBT: `${Math.round(page.tbtMs)}\u00a0ms`,
    CLS: decimal(page.cls),
    objectifs: page.misses.length === 0 ? 'atteints' : `manqués\u00a0: ${page.misses.join(', ')}`,
  }));

/** What Lighthouse flags on the pages that miss a goal, one line each, for the bench to print. */
export const lighthouseFlags = (report: LighthouseReport): string[] =>
  report.pages
    .filter((page) => page.misses.length > 0)
    .flatMap((page) => [
      `${page.label} (${page.path})\u00a0:`,
      ...(page.lcpElement ? [`  élément du LCP\u00a0: ${page.lcpElement}`] : []),
      ...page.shiftedElements.map((element) => `  élément décalé (CLS)\u00a0: ${element}`),
      ...page.flagged.map(
        (flag) =>
          `  - [${flag.category === 'performance' ? 'performance' : 'accessibilité'}] ${flag.title}${flag.displayValue ? ` (${flag.displayValue})` : ''}`,
      ),
      ...page.warnings.map((warning) => `  ! ${warning}`),
    ]);

/** The rows, and what Lighthouse flags where a goal is missed: for `npm run bench` as for this file alone. */
export const printLighthouse = (report: LighthouseReport) => {
  const throttling = report.throttling === 'simulate' ? 'réseau et processeur simulés' : report.throttling;
  console.log(
    `\nLighthouse ${report.lighthouse}, ${report.formFactor} (${throttling}), ${report.chromium}\u00a0; objectifs\u00a0: performance ${lighthouseGoals.performance}, accessibilité ${lighthouseGoals.accessibility}, LCP ≤ ${seconds(lighthouseGoals.lcpMs)}, CLS ${lighthouseGoals.cls}`,
  );
  console.table(lighthouseRows(report));
  const flags = lighthouseFlags(report);
  if (flags.length > 0) {
    console.log(
      `\nCe que Lighthouse signale sur les pages qui manquent un objectif\u00a0:\n${flags.join('\n')}`,
    );
  }
};

if (import.meta.main) {
  if (!existsSync(new URL('index.html', siteDist))) {
    console.log('site/dist est absent\u00a0: construction du site…');
    execFileSync('npm', ['run', 'build:site'], { stdio: 'inherit' });
  }
  const cloud = await startLocalCloud({
    ports: { front: 0, dynamodb: 0, ses: 0, issuer: 0 },
    runSchedules: false,
    log: () => {},
  });
  try {
    const report = await measureLighthouse(cloud.urls.site, await lighthousePages(cloud.issuer));
    printLighthouse(report);
    console.log(JSON.stringify(report));
  } finally {
    await cloud.stop();
  }
}
