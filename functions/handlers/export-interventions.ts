import { staffHandler } from '../http/staff-endpoint.ts';
import { exportMissions } from '../use-cases/exports/export-missions.ts';
import { missionReadDependencies } from '../wiring/missions.ts';
import { knownNetworkIds } from '../wiring/networks.ts';

/** GET /api/staff/exports/interventions?network=&from=&to= — a CSV file of the demi-journées of a period, for funders. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) => {
  const { csv, contentDisposition } = await exportMissions(
    missionReadDependencies(),
    actor,
    query,
    'interventions',
  );
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
