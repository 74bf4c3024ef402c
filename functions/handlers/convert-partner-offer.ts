import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { convertPartnerOffer } from '../use-cases/directory/partner-offers.ts';
import { directoryDependencies, knownNetworkIds } from '../wiring/directory.ts';
import { staffReplayStore } from '../wiring/form-protection.ts';

/** POST /api/staff/partner-offers/{reference}/partner — the offer made a partner company, in one step. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, parameter, body, now }) =>
    jsonResponse(
      201,
      await convertPartnerOffer(directoryDependencies(), actor, parameter('reference'), body(), now),
    ),
  { replayStore: () => staffReplayStore() },
);
