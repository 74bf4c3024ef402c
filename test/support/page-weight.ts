import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/**
 * What a page costs a visitor, counted in Chromium's network events: every response body the page
 * loads (document, CSS, scripts, images, API answers), decoded (`bytes`, what the browser parses) and
 * as transferred (`transferredBytes`, the body's bytes on the wire: the local front compresses as
 * CloudFront does, infra/local/compression.ts, Brotli since Chromium asks for it on localhost as it
 * does over HTTPS). `gzipBytes` is the former estimate (gzip level 6, file by file), kept beside.
 * Bytes only: timings are never asserted, the bench prints them as ratios.
 *
 * One budget for every case, in decoded bytes: a page as it loads and, for a form page, once someone
 * starts filling it. The transferred figure is for information (the bench prints it), never the budget.
 */
export const pageBudgetBytes = 100 * 1024;

export interface LoadedResource {
  path: string;
  type: string;
  status: number;
  /** Decoded body. */
  bytes: number;
  /** The body as it came over the wire (compressed or not), headers excluded. */
  transferredBytes: number;
  gzipBytes: number;
}

export interface Weight {
  requests: number;
  bytes: number;
  transferredBytes: number;
  gzipBytes: number;
  jsBytes: number;
  jsTransferredBytes: number;
  jsGzipBytes: number;
}

export interface PageWeight {
  path: string;
  /** What loads with the page. */
  atLoad: Weight;
  /** For a page with a form: the page, plus what loads once someone starts filling it (zod/mini, the schema). */
  inUse?: Weight;
  resources: LoadedResource[];
  /** From navigation start to the load event, in ms: only ever shown as a ratio. */
  loadMs: number;
}

const isScript = (resource: LoadedResource) => resource.type === 'script' || /\.m?js$/.test(resource.path);

type Figure = 'bytes' | 'transferredBytes' | 'gzipBytes';

export const weigh = (resources: LoadedResource[]): Weight => {
  const scripts = resources.filter(isScript);
  const sum = (list: LoadedResource[], key: Figure) =>
    list.reduce((total, resource) => total + resource[key], 0);
  return {
    requests: resources.length,
    bytes: sum(resources, 'bytes'),
    transferredBytes: sum(resources, 'transferredBytes'),
    gzipBytes: sum(resources, 'gzipBytes'),
    jsBytes: sum(scripts, 'bytes'),
    jsTransferredBytes: sum(scripts, 'transferredBytes'),
    jsGzipBytes: sum(scripts, 'gzipBytes'),
  };
};

/**
 * Every answer `page` receives from now on, from Chromium's network events: the decoded bytes
 * (`dataReceived`), and the bytes on the wire (`loadingFinished.encodedDataLength`, headers
 * included, less the headers' own count at `responseReceived`). A redirect has no answer of its own
 * here: it is counted with the request that follows it.
 */
const recordResources = async (page: Page) => {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  const open = new Map<
    string,
    { path: string; type: string; status: number; headerBytes: number; bytes: number }
  >();
  const finished: Promise<LoadedResource>[] = [];
  devtools.on('Network.responseReceived', ({ requestId, type, response }) => {
    const url = new URL(response.url);
    open.set(requestId, {
      path: url.pathname + url.search,
      type: type.toLowerCase(),
      status: response.status,
      headerBytes: response.encodedDataLength,
      bytes: 0,
    });
  });
  devtools.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const entry = open.get(requestId);
    if (entry) entry.bytes += dataLength;
  });
  devtools.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = open.get(requestId);
    if (!entry) return;
    open.delete(requestId);
    const transferredBytes = Math.max(0, encodedDataLength - entry.headerBytes);
    finished.push(
      // The body, while Chromium still holds it, only for the gzip estimate.
      devtools
        .send('Network.getResponseBody', { requestId })
        .then(
          ({ body, base64Encoded }) => gzipSync(Buffer.from(body, base64Encoded ? 'base64' : 'utf8')).length,
        )
        .catch(() => transferredBytes)
        .then((gzipBytes) => ({
          path: entry.path,
          type: entry.type,
          status: entry.status,
          bytes: entry.bytes,
          transferredBytes,
          gzipBytes,
        })),
    );
  });
  devtools.on('Network.loadingFailed', ({ requestId }) => open.delete(requestId));
  return {
    /** Every answer so far, once those under way have finished loading. */
    async collect(): Promise<LoadedResource[]> {
      const started = Date.now();
      while (open.size > 0 && Date.now() - started < 10_000) await page.waitForTimeout(50);
      if (open.size > 0) throw new Error(`${open.size} answers still loading`);
      return Promise.all(finished);
    },
  };
};

/** Waits until no request has started or finished for `quietMs`. */
const settle = async (page: Page, quietMs = 400, limitMs = 10_000) => {
  let last = Date.now();
  const touch = () => {
    last = Date.now();
  };
  page.on('request', touch);
  page.on('requestfinished', touch);
  page.on('requestfailed', touch);
  const started = Date.now();
  while (Date.now() - last < quietMs && Date.now() - started < limitMs) {
    await page.waitForTimeout(100);
  }
  page.off('request', touch);
  page.off('requestfinished', touch);
  page.off('requestfailed', touch);
};

const navigationMs = (page: Page) =>
  page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
  });

/** From navigation start to the load event, in a fresh context: the median of `runs` loads. */
export const medianLoadMs = async (browser: Browser, origin: string, path: string, runs = 3) => {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
      times.push(await navigationMs(page));
    } finally {
      await context.close();
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? Number.NaN;
};

/** Loads one page in a fresh context (empty cache), then, if it has a form, starts filling it. */
export const measurePage = async (browser: Browser, origin: string, path: string): Promise<PageWeight> => {
  const context = await browser.newContext({ locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const { collect } = await recordResources(page);

    await page.goto(new URL(path, origin).href, { waitUntil: 'load' });
    await settle(page);
    const loadMs = await navigationMs(page);
    const atLoad = await collect();

    const firstField = page.locator(
      'form[method="post"] :is(input, textarea, select):not([type="hidden"], [tabindex="-1"])',
    );
    let inUse: Weight | undefined;
    if ((await firstField.count()) > 0) {
      await firstField.first().focus();
      await settle(page);
      inUse = weigh(await collect());
    }
    return { path, atLoad: weigh(atLoad), inUse, resources: await collect(), loadMs };
  } finally {
    await context.close();
  }
};

export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} Ko`;

/**
 * Counts, as Chromium receives them, the decoded bytes of every answer with a body (status 200) that
 * `page` loads from `origin`, the browser's cache disabled so that each page weighs as a first visit
 * would load it. Counted from the network events rather than by asking for each body afterwards:
 * Chromium may drop a body it no longer needs, and a dropped body must not weigh nothing.
 */
export const networkMeter = async (page: Page, origin: string, ignore: RegExp = /\/favicon\./) => {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Network.enable');
  await devtools.send('Network.setCacheDisabled', { cacheDisabled: true });
  const received = new Map<string, number>();
  const counted = new Set<string>();
  const open = new Set<string>();
  devtools.on('Network.responseReceived', ({ requestId, response }) => {
    if (response.url.startsWith(origin) && response.status === 200 && !ignore.test(response.url)) {
      counted.add(requestId);
      open.add(requestId);
    }
  });
  devtools.on('Network.dataReceived', ({ requestId, dataLength }) => {
    received.set(requestId, (received.get(requestId) ?? 0) + dataLength);
  });
  const finish = ({ requestId }: { requestId: string }) => open.delete(requestId);
  devtools.on('Network.loadingFinished', finish);
  devtools.on('Network.loadingFailed', finish);
  return {
    /** The bytes counted since the last call, once every counted answer has finished loading. */
    async take(): Promise<number> {
      const started = Date.now();
      while (open.size > 0 && Date.now() - started < 10_000) await page.waitForTimeout(50);
      if (open.size > 0) throw new Error(`${open.size} answers still loading`);
      const bytes = [...counted].reduce((total, id) => total + (received.get(id) ?? 0), 0);
      counted.clear();
      received.clear();
      return bytes;
    },
  };
};
