import { parisYear } from '../../shared/dates.ts';
import type { FormAccepted } from '../../shared/forms.ts';
import { decoySequence } from '../domain/anti-bot.ts';
import { communesOfPostcode } from '../domain/communes.ts';
import { formatReference, nationalScope, type ReferenceKind } from '../domain/reference.ts';
import type { ReferenceData } from '../domain/submission-checks.ts';
import { networkForDepartement } from '../domain/territory.ts';

/**
 * What a bot is told: an answer shaped exactly like a real one (reference format, the network its
 * postcode would reach), computed without a read or a write, so it learns nothing and costs nothing.
 */
export const decoyAnswer = (
  data: Pick<ReferenceData, 'communes' | 'networks'>,
  kind: ReferenceKind,
  raw: unknown,
  now: Date,
  random: () => number = Math.random,
): FormAccepted => {
  const postcode = findPostcode(raw);
  const departement = postcode ? communesOfPostcode(data.communes, postcode)[0]?.departement : undefined;
  const routed = departement ? networkForDepartement(data.networks, departement) : undefined;
  const network = routed ?? (kind === 'contactMessage' ? undefined : data.networks[0]);
  const scope = departement ?? network?.departements[0] ?? nationalScope;
  return {
    reference: formatReference(kind, scope, parisYear(now), decoySequence(random)),
    network: network ? { id: network.id, name: network.name } : null,
  };
};

const findPostcode = (raw: unknown): string | undefined => {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const nested = record.company;
  const value =
    typeof nested === 'object' && nested !== null
      ? (nested as Record<string, unknown>).postcode
      : record.postcode;
  return typeof value === 'string' && /^\d{5}$/.test(value.trim()) ? value.trim() : undefined;
};
