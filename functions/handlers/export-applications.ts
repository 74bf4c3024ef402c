import { staffHandler } from '../http/staff-endpoint.ts';
import { exportApplications } from '../use-cases/exports/export-applications.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** GET /api/staff/exports/applications?network=&from=&to= — a CSV file of the applications received. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) => {
  const { csv, contentDisposition } = await exportApplications(staffReadDependencies(), actor, query);
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
