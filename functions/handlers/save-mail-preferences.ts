import { jsonResponse } from '../http/errors.ts';
import { readJsonBody } from '../http/form-request.ts';
import { httpHandler } from '../http/middy.ts';
import { saveMailPreferences } from '../use-cases/mail-preferences/preferences.ts';
import { mailPreferencesDependencies } from '../wiring/mail-preferences.ts';

/** PUT /api/mail-preferences?t=<token> — the preferences page's choices: which lists, how often. */
export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await saveMailPreferences(
      mailPreferencesDependencies(),
      event.queryStringParameters?.t,
      readJsonBody(event),
      new Date(),
    ),
  ),
);
