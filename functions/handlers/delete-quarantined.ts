import { staffHandler } from '../http/staff-endpoint.ts';
import { discardHeld } from '../use-cases/quarantine/held-submissions.ts';
import { quarantineDependencies } from '../wiring/quarantine.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** DELETE /api/staff/quarantine/{reference} — a bot's post, forgotten. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, now }) => {
  await discardHeld(quarantineDependencies(), actor, parameter('reference'), now);
  return { statusCode: 204, headers: { 'cache-control': 'no-store' } };
});
