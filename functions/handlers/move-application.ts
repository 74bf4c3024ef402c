import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { moveApplication } from '../use-cases/applications/move-application.ts';
import { knownNetworkIds } from '../wiring/networks.ts';
import { staffDependencies } from '../wiring/staff-mail.ts';

/** POST /api/staff/applications/{reference}/transitions — a change of status, with its reason. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(200, await moveApplication(staffDependencies(), actor, parameter('reference'), body(), now)),
);
