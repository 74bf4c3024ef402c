import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { addNote } from '../use-cases/applications/read-applications.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** POST /api/staff/applications/{reference}/notes — a note between staff. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(201, await addNote(staffReadDependencies(), actor, parameter('reference'), body(), now)),
);
