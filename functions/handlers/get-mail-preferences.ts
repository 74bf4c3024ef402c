import { jsonResponse } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';
import { readMailPreferences } from '../use-cases/mail-preferences/preferences.ts';
import { mailPreferencesDependencies } from '../wiring/mail-preferences.ts';

/** GET /api/mail-preferences?t=<token> — what the preferences page shows, from a list mail's signed link. */
export const handler = httpHandler(async (event) =>
  jsonResponse(
    200,
    await readMailPreferences(mailPreferencesDependencies(), event.queryStringParameters?.t),
    {
      'referrer-policy': 'no-referrer',
    },
  ),
);
