import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listPartnerOffers } from '../use-cases/directory/partner-offers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';

/** GET /api/staff/partner-offers[?network=] — the offers of the site’s partner form, waiting ones first. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, query }) =>
  jsonResponse(200, await listPartnerOffers(directoryDependencies(), actor, query)),
);
