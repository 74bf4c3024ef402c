import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { listSuppressions } from '../use-cases/mail-events/suppressions.ts';
import { mailEventDependencies } from '../wiring/mail-events.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** GET /api/staff/suppressions — the addresses the outbox no longer writes to (national coordination). */
export const handler = staffHandler(knownNetworkIds, async ({ actor }) =>
  jsonResponse(200, await listSuppressions(mailEventDependencies(), actor)),
);
