/**
 * Finding the commune a person means from a postcode and a city name typed by hand. Pure: the
 * index is built from the reference tables (functions/reference-data/communes.ts) passed in.
 */
export interface Commune {
  /** INSEE code, e.g. `36044`. */
  code: string;
  name: string;
  departement: string;
  postcodes: string[];
}

export interface CommuneIndex {
  /** The lines of the communes table (`code|name|postcodes`) that a postcode serves, in INSEE code order. */
  linesByPostcode: ReadonlyMap<string, readonly string[]>;
  /** Former names (communes déléguées or associées) of a current commune, by its INSEE code. */
  formerNames: ReadonlyMap<string, readonly string[]>;
}

/** A commune's département is the start of its INSEE code: 2 characters, 3 overseas (97x, 98x). */
export const departementOf = (inseeCode: string): string =>
  inseeCode.startsWith('97') || inseeCode.startsWith('98') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);

/**
 * Indexes the table by postcode without parsing its 35 000 lines into objects (about 20 ms at a cold
 * start rather than 45): the few lines of one postcode are parsed when asked for.
 */
export const buildCommuneIndex = (tables: { communes: string; formerCommunes: string }): CommuneIndex => {
  const linesByPostcode = new Map<string, string[]>();
  const table = tables.communes;
  let start = 0;
  while (start < table.length) {
    let end = table.indexOf('\n', start);
    if (end === -1) end = table.length;
    const line = table.slice(start, end);
    // Postcodes are the last field: five digits each, separated by one space.
    for (let at = table.lastIndexOf('|', end) + 1; at < end; at += 6) {
      const postcode = table.slice(at, at + 5);
      const list = linesByPostcode.get(postcode);
      if (list) list.push(line);
      else linesByPostcode.set(postcode, [line]);
    }
    start = end + 1;
  }
  const formerNames = new Map<string, string[]>();
  for (const line of tables.formerCommunes.split('\n')) {
    const [code = '', name = ''] = line.split('|');
    const list = formerNames.get(code);
    if (list) list.push(name);
    else formerNames.set(code, [name]);
  }
  return { linesByPostcode, formerNames };
};

const parseLine = (line: string): Commune => {
  const [code = '', name = '', postcodes = ''] = line.split('|');
  return { code, name, departement: departementOf(code), postcodes: postcodes.split(' ') };
};

/**
 * What a city name is compared on: case, accents, hyphens, apostrophes and spacing do not count,
 * and the usual abbreviations (St, Ste, S/) read as the words they stand for.
 */
export const normaliseCommuneName = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\bs\/\s*/g, 'sur ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint');

export type CommuneLookup =
  | { kind: 'found'; commune: Commune }
  | { kind: 'unknown-postcode' }
  | { kind: 'city-mismatch'; candidates: readonly Commune[] };

export const communesOfPostcode = (index: CommuneIndex, postcode: string): Commune[] =>
  (index.linesByPostcode.get(postcode) ?? []).map(parseLine);

/** The commune of this postcode whose name (or former name) is the one typed. */
export const findCommune = (index: CommuneIndex, postcode: string, city: string): CommuneLookup => {
  const candidates = communesOfPostcode(index, postcode);
  if (candidates.length === 0) return { kind: 'unknown-postcode' };
  const wanted = normaliseCommuneName(city);
  const current = candidates.find((commune) => normaliseCommuneName(commune.name) === wanted);
  if (current) return { kind: 'found', commune: current };
  const merged = candidates.find((commune) =>
    (index.formerNames.get(commune.code) ?? []).some((name) => normaliseCommuneName(name) === wanted),
  );
  if (merged) return { kind: 'found', commune: merged };
  return { kind: 'city-mismatch', candidates };
};
