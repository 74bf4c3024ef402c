import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { readCommittee } from '../use-cases/committee/committees.ts';
import { knownNetworkIds, staffReadDependencies } from '../wiring/staff.ts';

/** GET /api/staff/committees/{id} — one committee and its agenda in full. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter }) =>
  jsonResponse(200, await readCommittee(staffReadDependencies(), actor, parameter('id'))),
);
