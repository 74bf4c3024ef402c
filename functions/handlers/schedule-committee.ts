import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { scheduleCommittee } from '../use-cases/committee/committees.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** POST /api/staff/committees — a new committee date for the staff member's network. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, body, now }) =>
  jsonResponse(201, await scheduleCommittee(staffReadDependencies(), actor, body(), now)),
);
