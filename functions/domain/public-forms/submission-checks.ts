import type { National, Network } from '../../../shared/networks.ts';
import type { FieldError } from '../../../shared/validation.ts';
import { type Commune, type CommuneIndex, findCommune } from './communes.ts';
import type { NafIndex } from './naf.ts';
import { departementsOfPostcode, type PostcodeIndex } from './postcodes.ts';
import { networkForDepartement } from './territory.ts';

/**
 * The rules of a form that need reference data (NAF list, communes, territories, catalogue), each
 * answering either what it found or a field error in French. Pure: the data is passed in.
 */
export interface ReferenceData {
  communes: CommuneIndex;
  naf: NafIndex;
  postcodes: PostcodeIndex;
  networks: readonly Network[];
  national: National;
}

export const checkNafCode = (
  naf: NafIndex,
  field: string,
  code: string | undefined,
): FieldError | undefined =>
  code === undefined || naf.has(code)
    ? undefined
    : {
        field,
        message: `Le code NAF ${code} ne figure pas dans la nomenclature officielle\u00a0: vérifiez-le sur l’avis de situation Insee de l’entreprise, ou laissez ce champ vide.`,
      };

const unknownPostcode = (field: string, postcode: string): FieldError => ({
  field,
  message: `Nous ne trouvons pas le code postal ${postcode}\u00a0: vérifiez-le (pour une adresse en CEDEX, indiquez le code postal de la commune).`,
});

const listNames = (communes: readonly Commune[]) => communes.map((commune) => commune.name).join(', ');

const outsideTerritories = (field: string, departement: string, national: National): FieldError => ({
  field,
  message: `Alizé n’a pas encore de réseau dans votre département (${departement}). Écrivez-nous à ${national.contact.email}\u00a0: nous vous orienterons vers un accompagnement proche de chez vous.`,
});

export type Location = { commune: Commune; network: Network };

/**
 * Where a company is, and so which network handles it: the postcode must exist, the city must be
 * one of its communes (typed loosely), and its département must belong to a network's territory.
 */
export const locateCompany = (
  data: Pick<ReferenceData, 'communes' | 'networks' | 'national'>,
  input: { postcode: string; city: string },
  fields: { postcode: string; city: string },
): { location: Location } | { error: FieldError } => {
  const found = findCommune(data.communes, input.postcode, input.city);
  if (found.kind === 'unknown-postcode') return { error: unknownPostcode(fields.postcode, input.postcode) };
  if (found.kind === 'city-mismatch') {
    const message =
      found.candidates.length === 1
        ? `Le code postal ${input.postcode} est celui de ${listNames(found.candidates)}\u00a0: vérifiez la commune ou le code postal.`
        : `«\u00a0${input.city}\u00a0» n’est pas une commune du code postal ${input.postcode}, qui dessert\u00a0: ${listNames(found.candidates)}. Vérifiez la commune ou le code postal.`;
    return { error: { field: fields.city, message } };
  }
  const network = networkForDepartement(data.networks, found.commune.departement);
  if (!network) {
    return {
      error: outsideTerritories(fields.postcode, found.commune.departement, data.national),
    };
  }
  return { location: { commune: found.commune, network } };
};

/** Every competence chosen must be in the catalogue of the network that will handle the request. */
export const checkCompetences = (
  field: string,
  chosen: readonly string[],
  offered: ReadonlySet<string>,
  network: Pick<Network, 'name'>,
): FieldError | undefined => {
  const missing = chosen.filter((id) => !offered.has(id));
  if (missing.length === 0) return undefined;
  const what =
    missing.length === 1
      ? 'Une des compétences choisies n’est pas proposée'
      : `${missing.length} des compétences choisies ne sont pas proposées`;
  return {
    field,
    message: `${what} par ${network.name}, le réseau de votre territoire\u00a0: choisissez parmi celles de son catalogue.`,
  };
};

export type ContactRoute = { network?: Network; departement?: string };

/**
 * Who answers a contact message: the network the person chose, else the network of their postcode's
 * département, else (no choice, no postcode, or no network there) the national coordination. The
 * département found, if any, scopes the message's reference.
 */
export const routeContactMessage = (
  data: Pick<ReferenceData, 'postcodes' | 'networks'>,
  input: { network?: string | undefined; postcode?: string | undefined },
  fields: { network: string; postcode: string },
): { route: ContactRoute } | { errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const chosen = input.network ? data.networks.find((network) => network.id === input.network) : undefined;
  if (input.network && !chosen) {
    errors.push({
      field: fields.network,
      message: 'Ce réseau n’existe pas\u00a0: choisissez-en un dans la liste, ou laissez ce champ vide.',
    });
  }
  let departements: string[] = [];
  if (input.postcode) {
    departements = [...departementsOfPostcode(data.postcodes, input.postcode)];
    if (departements.length === 0) errors.push(unknownPostcode(fields.postcode, input.postcode));
  }
  if (errors.length > 0) return { errors };
  // A few postcodes straddle two départements: the one a network covers wins.
  const covered = departements
    .map((departement) => ({ departement, network: networkForDepartement(data.networks, departement) }))
    .find((candidate) => candidate.network);
  const network = chosen ?? covered?.network;
  // Without a postcode, a network of one département still says where the message is about.
  const departement =
    covered?.departement ??
    departements[0] ??
    (chosen?.departements.length === 1 ? chosen.departements[0] : undefined);
  return { route: { ...(network ? { network } : {}), ...(departement ? { departement } : {}) } };
};
