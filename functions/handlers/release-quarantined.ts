import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { releaseHeld } from '../use-cases/quarantine/held-submissions.ts';
import { releaseDependencies } from '../wiring/quarantine-release.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** POST /api/staff/quarantine/{reference}/release — a person's submission after all: recorded and mailed. */
export const handler = staffHandler(knownNetworkIds, async ({ actor, parameter, now }) =>
  jsonResponse(201, await releaseHeld(releaseDependencies(), actor, parameter('reference'), now)),
);
