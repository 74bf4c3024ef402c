import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { setPartnerStatus } from '../use-cases/directory/partners.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** PUT /api/staff/partners/{id}/status — retire or reinstate a partner. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, query, now }) =>
  jsonResponse(
    200,
    await setPartnerStatus(directoryDependencies(), actor, parameter('id'), body(), query, now),
  ),
);
