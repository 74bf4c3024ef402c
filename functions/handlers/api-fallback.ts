import { methodsForPath } from '../../shared/routes.ts';
import { HttpError } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';

/**
 * The API's `$default` route: a path we serve with another method answers 405 with `Allow`,
 * anything else a 404, both as JSON in French rather than the gateway's bare "Not Found".
 */
export const handler = httpHandler(async (event) => {
  const allowed = methodsForPath(event.rawPath);
  if (allowed.length > 0) {
    throw new HttpError(405, 'method_not_allowed', `Cette adresse n’accepte que ${allowed.join(', ')}.`, {
      allow: allowed.join(', '),
    });
  }
  throw new HttpError(404, 'not_found', 'Cette adresse de l’API n’existe pas.');
});
