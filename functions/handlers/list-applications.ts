import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listInbox } from '../use-cases/applications/read-applications.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** GET /api/staff/applications[?network=&status=] — the inbox. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query, now }) =>
  jsonResponse(200, await listInbox(staffReadDependencies(), actor, query, now)),
);
