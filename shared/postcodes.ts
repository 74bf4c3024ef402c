import type { Network } from './networks.ts';

/**
 * The département a postcode most likely belongs to, from its digits alone, for the browser to react
 * as soon as a postcode is typed. The server decides from the official communes table, where a few
 * postcodes cross a département's border; this is only the first guess.
 */
export const departementOfPostcode = (postcode: string): string | undefined => {
  if (!/^\d{5}$/.test(postcode)) return undefined;
  // Overseas départements: three digits (971 Guadeloupe … 976 Mayotte).
  if (postcode.startsWith('97')) return postcode.slice(0, 3);
  // Corsica: 20000–20199 Corse-du-Sud, 20200 and above Haute-Corse.
  if (postcode.startsWith('20')) return Number(postcode) < 20200 ? '2A' : '2B';
  return postcode.slice(0, 2);
};

/** The network whose territory holds this postcode's département, if any. */
export const networkOfPostcode = <N extends Pick<Network, 'departements'>>(
  networks: readonly N[],
  postcode: string,
): N | undefined => {
  const departement = departementOfPostcode(postcode);
  return departement ? networks.find((network) => network.departements.includes(departement)) : undefined;
};
