import { describe, expect, it } from 'vitest';
import {
  checkCompetencePartners,
  checkVolunteer,
  newDirectoryId,
  partnerIdFromOffer,
  slug,
  withChange,
} from '../../functions/domain/directory/directory.ts';
import type { InvalidInputError } from '../../functions/domain/errors.ts';

const refusal = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error as InvalidInputError;
  }
  throw new Error('not refused');
};

describe('the directory’s ids', () => {
  it('read as the company or competence they name, accents and apostrophes folded', () => {
    expect(slug('Laboratoires du Val d’Indre')).toBe('laboratoires-du-val-d-indre');
    expect(slug('Œuvres & Cœurs — Énergie')).toBe('oeuvres-coeurs-energie');
    expect(newDirectoryId('indre', 'Préparer une certification ISO 9001', 'k3x9ab')).toBe(
      'indre-preparer-une-certification-iso-9001-k3x9ab',
    );
  });

  it('never carry a volunteer’s name, and derive a partner made from an offer from the offer’s reference', () => {
    expect(newDirectoryId('cher', undefined, 'q7w8e9')).toBe('cher-v-q7w8e9');
    expect(partnerIdFromOffer('indre', 'PART-36-2026-0004')).toBe('indre-part-36-2026-0004');
  });
});

describe('a change of a fiche', () => {
  it('adds one to the version and one line to the history, the rest kept', () => {
    const record = {
      id: 'indre-x',
      name: 'Avant',
      status: 'active' as const,
      version: 3,
      updatedAt: '2026-01-01T00:00:00.000Z',
      history: [],
    };
    const now = new Date('2026-12-01T10:00:00.000Z');
    const changed = withChange(record, { name: 'Après' }, 'updated', { id: 's', name: 'claire' }, now);
    expect(changed).toEqual({
      ...record,
      name: 'Après',
      version: 4,
      updatedAt: now.toISOString(),
      history: [{ at: now.toISOString(), actor: { id: 's', name: 'claire' }, change: 'updated' }],
    });
    expect(record.version).toBe(3);
  });
});

describe('what a competence and a volunteer may name', () => {
  const partners = [
    { id: 'indre-a', status: 'active' as const },
    { id: 'indre-r', status: 'retired' as const },
  ];

  it('keeps a partner retired since it was named, but never adds one, and wants one active', () => {
    expect(() => checkCompetencePartners(['indre-a', 'indre-r'], partners, ['indre-r'])).not.toThrow();
    expect(refusal(() => checkCompetencePartners(['indre-a', 'indre-r'], partners)).errors).toEqual([
      { field: 'partnerIds.1', message: expect.stringContaining('retirée') },
    ]);
    expect(refusal(() => checkCompetencePartners(['indre-r'], partners, ['indre-r'])).errors).toEqual([
      { field: 'partnerIds', message: expect.stringContaining('au moins une entreprise partenaire active') },
    ]);
  });

  it('keeps a volunteer with the partner they had, retired since, but moves none to a retired one', () => {
    const competences = [{ id: 'indre-c', status: 'active' as const }];
    const before = { partnerId: 'indre-r', competences: [] };
    expect(() =>
      checkVolunteer({ partnerId: 'indre-r', competences: ['indre-c'] }, partners, competences, before),
    ).not.toThrow();
    expect(
      refusal(() =>
        checkVolunteer({ partnerId: 'indre-r', competences: [] }, partners, competences, {
          partnerId: 'indre-a',
          competences: [],
        }),
      ).errors[0]?.field,
    ).toBe('partnerId');
  });
});
