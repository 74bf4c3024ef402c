import { describe, expect, it } from 'vitest';
import { assembleCatalogue } from '../../functions/domain/catalogue/catalogue.ts';
import type { Competence } from '../../shared/catalogue.ts';
import type { Network } from '../../shared/networks.ts';
import type { CompetenceRecord } from '../../shared/partners.ts';
import { toPublicCompetences } from '../../shared/public-competences.ts';

const network: Network = {
  id: 'indre',
  name: 'Alizé Indre',
  operator: 'Initiative Indre',
  departements: ['36'],
  contact: {
    address: ['Initiative Indre — Alizé', '24 avenue de la Gare', '36000 Châteauroux'],
    phone: '02 61 91 36 00',
    email: 'alize@initiative-indre.example.org',
  },
  staffEmails: ['equipe@example.org'],
};

const competence = (id: string, category: Competence['category'], label: string): Competence => ({
  id,
  network: 'indre',
  category,
  label,
  description: '',
  partners: ['Partenaire'],
});

describe('the public catalogue', () => {
  it('sorts within a category as a French reader expects, accents ignored', () => {
    const catalogue = assembleCatalogue(
      [network],
      [
        competence('c-3', 'finance', 'Trésorerie'),
        competence('c-1', 'finance', 'Établir un budget'),
        competence('c-2', 'finance', 'Financer un projet'),
      ],
    );

    expect(catalogue.competences.map((c) => c.label)).toEqual([
      'Établir un budget',
      'Financer un projet',
      'Trésorerie',
    ]);
  });

  it('puts categories in the site’s order, whatever the storage order', () => {
    const catalogue = assembleCatalogue(
      [network],
      [competence('m', 'management', 'Manager'), competence('q', 'quality', 'Auditer')],
    );

    expect(catalogue.competences.map((c) => c.category)).toEqual(['quality', 'management']);
  });

  it('leaves out the staff mailboxes', () => {
    const catalogue = assembleCatalogue([network], []);

    expect(catalogue.networks[0]).not.toHaveProperty('staffEmails');
    expect(catalogue.networks[0]?.name).toBe('Alizé Indre');
  });
});

describe('the public view of stored competences', () => {
  const at = '2026-03-01T09:00:00.000Z';
  const partner = (id: string, name: string, status: 'active' | 'retired' = 'active') => ({
    id,
    name,
    status,
  });
  const record = (
    id: string,
    partnerIds: string[],
    status: 'active' | 'retired' = 'active',
  ): CompetenceRecord => ({
    id,
    network: 'indre',
    category: 'finance',
    label: `Compétence ${id}`,
    description: '',
    partnerIds,
    status,
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [],
  });

  it('names the partners by their current name, in the order staff chose', () => {
    const shown = toPublicCompetences(
      [record('c-1', ['p-2', 'p-1'])],
      [partner('p-1', 'Alpha'), partner('p-2', 'Bêta')],
    );

    expect(shown).toEqual([expect.objectContaining({ id: 'c-1', partners: ['Bêta', 'Alpha'] })]);
  });

  it('drops a retired partner, and a competence that no active partner offers any more', () => {
    const shown = toPublicCompetences(
      [record('c-1', ['p-1', 'p-2']), record('c-2', ['p-2']), record('c-3', ['p-1'], 'retired')],
      [partner('p-1', 'Alpha'), partner('p-2', 'Bêta', 'retired')],
    );

    expect(shown.map((c) => [c.id, c.partners])).toEqual([['c-1', ['Alpha']]]);
  });
});
