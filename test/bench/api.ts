import { randomUUID } from 'node:crypto';
import { validApplication } from '../support/form-posts.ts';

/**
 * Round trips through the local front (API Gateway event → real handler → dynalite, and SES for
 * the form), each the median of `runs` calls, shown relative to the fallback route, which touches
 * neither DynamoDB nor SES. Ratios only: the absolute times say more about this machine.
 */
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const time = async (call: () => Promise<Response>, runs: number) => {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await call();
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status >= 500) throw new Error(`the bench call answered ${response.status}`);
  }
  return median(times);
};

export const measureApi = async (site: string, runs = 15) => {
  const postApplication = () =>
    fetch(`${site}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(validApplication()),
    });
  const calls: [string, () => Promise<Response>][] = [
    ['GET /api/inconnue (repli, référence)', () => fetch(`${site}/api/inconnue`)],
    ['GET /api/catalogue?network=indre', () => fetch(`${site}/api/catalogue?network=indre`)],
    ['GET /api/catalogue (tous les réseaux)', () => fetch(`${site}/api/catalogue`)],
    ['POST /api/applications (valide, 2 courriels)', postApplication],
  ];
  // Warm every handler once: the first call of each pays for loading its module (a cold start).
  for (const [, call] of calls) await (await call()).arrayBuffer();
  const medians: [string, number][] = [];
  for (const [label, call] of calls) medians.push([label, await time(call, runs)]);
  const baseline = medians[0]?.[1] ?? Number.NaN;
  return medians.map(([route, ms]) => ({ route, 'durée / repli': `×${(ms / baseline).toFixed(2)}` }));
};
