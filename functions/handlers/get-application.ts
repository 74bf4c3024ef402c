import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { readApplication } from '../use-cases/applications/read-applications.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** GET /api/staff/applications/{reference} — one application, its history, notes and possible moves. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter }) =>
  jsonResponse(200, await readApplication(staffReadDependencies(), actor, parameter('reference'))),
);
