import { jsonResponse } from '../http/errors.ts';
import { staffHandler } from '../http/staff-endpoint.ts';
import { recordApplication } from '../use-cases/applications/record-application.ts';
import { applicationDependencies } from '../wiring/company-forms.ts';
import { staffReplayStore } from '../wiring/form-protection.ts';
import { knownNetworkIds } from '../wiring/staff.ts';

/** POST /api/staff/applications — an application recorded by staff on an SME's behalf. */
export const handler = staffHandler(
  knownNetworkIds,
  async ({ actor, body, now }) =>
    jsonResponse(201, await recordApplication(applicationDependencies(), actor, body(), now)),
  { replayStore: () => staffReplayStore() },
);
