import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listHeld } from '../use-cases/quarantine/held-submissions.ts';
import { quarantineDependencies } from '../wiring/quarantine.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** GET /api/staff/quarantine[?network=] — submissions held as suspected bots, oldest first. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query, now }) =>
  jsonResponse(200, await listHeld(quarantineDependencies(), actor, query, now)),
);
