/**
 * The départements a postcode serves, without the communes: what the contact form and the quarantine
 * need to route a message. Pure: built from the table (functions/reference-data/postcodes.ts) passed in.
 */
export type PostcodeIndex = ReadonlyMap<string, readonly string[]>;

export const buildPostcodeIndex = (table: string): PostcodeIndex => {
  const index = new Map<string, string[]>();
  for (const line of table.split('\n')) {
    const [departement = '', postcodes = ''] = line.split('|');
    for (const postcode of postcodes.split(' ')) {
      const list = index.get(postcode);
      if (list) list.push(departement);
      else index.set(postcode, [departement]);
    }
  }
  return index;
};

/** In the order of their codes; none for a postcode that does not exist. */
export const departementsOfPostcode = (index: PostcodeIndex, postcode: string): readonly string[] =>
  index.get(postcode) ?? [];
