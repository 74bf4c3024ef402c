import type { CatalogueResponse } from '../../../shared/catalogue.ts';

/**
 * The browser's only read from the API: `GET /api/catalogue[?network=id]` on the same origin.
 * A slow or broken answer ends in a `CatalogueUnavailableError`, which the pages turn into
 * a French message and a retry button.
 */
export class CatalogueUnavailableError extends Error {
  override name = 'CatalogueUnavailableError';
}

/** Past this delay a phone on a weak network gets the retry button rather than a spinner forever. */
const timeoutMs = 15_000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** A light check of the shape, enough to render safely; the API validates its data with zod. */
const isCatalogue = (body: unknown): body is CatalogueResponse =>
  isObject(body) &&
  Array.isArray(body.networks) &&
  body.networks.every(
    (n) =>
      isObject(n) && typeof n.id === 'string' && typeof n.name === 'string' && isStringArray(n.departements),
  ) &&
  Array.isArray(body.categories) &&
  body.categories.every((c) => isObject(c) && typeof c.id === 'string' && typeof c.label === 'string') &&
  Array.isArray(body.competences) &&
  body.competences.every(
    (c) =>
      isObject(c) &&
      typeof c.id === 'string' &&
      typeof c.label === 'string' &&
      typeof c.category === 'string' &&
      typeof c.network === 'string' &&
      isStringArray(c.partners),
  );

/** The whole catalogue, or one network's (`/api/catalogue?network=indre`). */
export const fetchCatalogue = async (network?: string): Promise<CatalogueResponse> => {
  const url = network ? `/api/catalogue?network=${encodeURIComponent(network)}` : '/api/catalogue';
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new CatalogueUnavailableError('network', { cause });
  }
  if (!response.ok) throw new CatalogueUnavailableError(`HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new CatalogueUnavailableError('invalid JSON', { cause });
  }
  if (!isCatalogue(body)) throw new CatalogueUnavailableError('unexpected shape');
  return body;
};
