import { catalogueQuerySchema } from '../../shared/catalogue.ts';
import '../../shared/validation.ts';
import { jsonResponse } from '../http/errors.ts';
import { httpHandler } from '../http/middy.ts';
import { readCatalogue } from '../use-cases/catalogue/read-catalogue.ts';
import { catalogueDependencies as deps } from '../wiring/catalogue.ts';

/** GET /api/catalogue[?network=id] — the competences partner companies offer, for one network or all. */
export const handler = httpHandler(async (event) => {
  const query = catalogueQuerySchema.parse(event.queryStringParameters ?? {});
  const catalogue = await readCatalogue(deps(), query);
  // The catalogue changes a few times a year; a short shared cache spares DynamoDB on busy days.
  return jsonResponse(200, catalogue, { 'cache-control': 'public, max-age=60' });
});
