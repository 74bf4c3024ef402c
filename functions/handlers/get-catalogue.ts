import { catalogueQuerySchema } from '../../shared/catalogue.ts';
import '../../shared/validation.ts';
import { documentClient } from '../db/client.ts';
import { competenceRepository } from '../db/competence-repository.ts';
import { config } from '../lib/config.ts';
import { jsonResponse } from '../lib/http-errors.ts';
import { httpHandler } from '../lib/middy.ts';
import { once } from '../lib/once.ts';
import { readCatalogue } from '../use-cases/read-catalogue.ts';

const deps = once(() => {
  const settings = config();
  return {
    networks: settings.networks,
    competences: competenceRepository(documentClient(), settings.dataTableName),
  };
});

/** GET /api/catalogue[?network=id] — the competences partner companies offer, for one network or all. */
export const handler = httpHandler(async (event) => {
  const query = catalogueQuerySchema.parse(event.queryStringParameters ?? {});
  const catalogue = await readCatalogue(deps(), query);
  // The catalogue changes a few times a year; a short shared cache spares DynamoDB on busy days.
  return jsonResponse(200, catalogue, { 'cache-control': 'public, max-age=60' });
});
