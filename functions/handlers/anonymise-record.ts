import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { anonymiseOnRequest } from '../use-cases/privacy/anonymise-record.ts';
import { privacyDependencies } from '../wiring/privacy.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** POST /api/staff/records/{reference}/anonymisation — a person's record anonymised on request, with the reason. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, body, now }) =>
  jsonResponse(
    200,
    await anonymiseOnRequest(privacyDependencies(), actor, parameter('reference'), body(), now),
  ),
);
