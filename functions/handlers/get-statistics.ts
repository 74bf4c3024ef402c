import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { readStatistics, statisticsCsv } from '../use-cases/digests/monthly-statistics.ts';
import { knownNetworkIds } from '../wiring/networks.ts';
import { statisticsDependencies } from '../wiring/statistics.ts';

/**
 * GET /api/staff/stats?network=&month=[&format=csv] — the month's figures, as the page and the
 * monthly mail show them; with `format=csv`, the same figures as the funders' file.
 */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query, now }) => {
  const view = await readStatistics(statisticsDependencies(), actor, query, now);
  if (query.format !== 'csv') return jsonResponse(200, view);
  const { csv, contentDisposition } = statisticsCsv(view);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition,
      'cache-control': 'no-store',
    },
    body: csv,
  };
});
