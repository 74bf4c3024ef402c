import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { exportPerson } from '../use-cases/privacy/export-person.ts';
import { privacyDependencies } from '../wiring/privacy.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** GET /api/staff/people?email= — everything held about one person, in the actor's scope. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query, now }) =>
  jsonResponse(200, await exportPerson(privacyDependencies(), actor, query, now)),
);
