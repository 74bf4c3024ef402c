import { describe, expect, it } from 'vitest';
import {
  buildCommuneIndex,
  communesOfPostcode,
  departementOf,
  findCommune,
  normaliseCommuneName,
} from '../../functions/domain/public-forms/communes.ts';
import { buildPostcodeIndex, departementsOfPostcode } from '../../functions/domain/public-forms/postcodes.ts';
import { communesTable, formerCommunesTable } from '../../functions/reference-data/communes.ts';
import { postcodesTable } from '../../functions/reference-data/postcodes.ts';

const index = buildCommuneIndex({ communes: communesTable, formerCommunes: formerCommunesTable });
const found = (postcode: string, city: string) => {
  const lookup = findCommune(index, postcode, city);
  return lookup.kind === 'found' ? lookup.commune : lookup.kind;
};

describe('a city name as people type it', () => {
  it.each([
    ['Châteauroux', 'chateauroux'],
    ['CHÂTEAUROUX', 'chateauroux'],
    ['Saint-Gaultier', 'saint gaultier'],
    ['St-Gaultier', 'saint gaultier'],
    ['st gaultier', 'saint gaultier'],
    ['Ste-Foy-lès-Lyon', 'sainte foy les lyon'],
    ['L’Île-d’Yeu', 'l ile d yeu'],
    ["L'Ile d'Yeu", 'l ile d yeu'],
    ['  Le   Blanc ', 'le blanc'],
    ['Œuilly', 'oeuilly'],
    ['Bar-s/-Seine', 'bar sur seine'],
  ])('« %s » reads as « %s »', (typed, normal) => {
    expect(normaliseCommuneName(typed)).toBe(normal);
  });

  it('keeps « St » and « Ste » as words only: Stenay is not Saintenay', () => {
    expect(normaliseCommuneName('Stenay')).toBe('stenay');
    expect(normaliseCommuneName('Ste')).toBe('sainte');
  });
});

describe('finding the commune of a postcode', () => {
  it('matches the official name whatever the case, accents, hyphens and abbreviations', () => {
    expect(found('36000', 'CHATEAUROUX')).toMatchObject({
      code: '36044',
      name: 'Châteauroux',
      departement: '36',
    });
    expect(found('36800', 'St Gaultier')).toMatchObject({ code: '36192', name: 'Saint-Gaultier' });
    expect(found('18000', 'bourges')).toMatchObject({ code: '18033', departement: '18' });
  });

  it('knows a merged commune by its former name', () => {
    expect(found('36600', 'Villentrois')).toMatchObject({ name: 'Villentrois-Faverolles-en-Berry' });
  });

  it('says when the postcode does not exist', () => {
    expect(found('36999', 'Châteauroux')).toBe('unknown-postcode');
  });

  it('lists the communes of the postcode when the city is not one of them', () => {
    const lookup = findCommune(index, '36100', 'Bourges');

    expect(lookup.kind).toBe('city-mismatch');
    const names = lookup.kind === 'city-mismatch' ? lookup.candidates.map((c) => c.name) : [];
    expect(names).toContain('Issoudun');
    expect(names).toContain('Saint-Aoustrille');
  });

  it('serves every commune of a postcode shared by several, Paris by all its postcodes', () => {
    expect(communesOfPostcode(index, '36100').length).toBeGreaterThan(10);
    expect(found('75116', 'Paris')).toMatchObject({ code: '75056', departement: '75' });
  });

  it('reads overseas and Corsican départements from the INSEE code', () => {
    expect(departementOf('97411')).toBe('974');
    expect(departementOf('2A004')).toBe('2A');
    expect(found('97400', 'Saint-Denis')).toMatchObject({ departement: '974' });
    expect(found('20000', 'Ajaccio')).toMatchObject({ departement: '2A' });
  });
});

describe('the postcodes’ départements, for the contact form', () => {
  const postcodes = buildPostcodeIndex(postcodesTable);

  it('finds, for every postcode, the départements of the communes it serves, as the communes table says', () => {
    const disagreeing = [...index.linesByPostcode.keys()].filter((postcode) => {
      const fromCommunes = [...new Set(communesOfPostcode(index, postcode).map((c) => c.departement))].sort();
      return fromCommunes.join() !== [...departementsOfPostcode(postcodes, postcode)].sort().join();
    });
    expect(index.linesByPostcode.size).toBeGreaterThan(6000);
    expect(disagreeing).toEqual([]);
  });

  it('answers Indre for Châteauroux, both départements for a postcode across a border, none for an unknown one', () => {
    expect(departementsOfPostcode(postcodes, '36000')).toEqual(['36']);
    const across = [...index.linesByPostcode.keys()].find(
      (postcode) => departementsOfPostcode(postcodes, postcode).length > 1,
    );
    expect(across).toBeDefined();
    expect(departementsOfPostcode(postcodes, '99999')).toEqual([]);
  });
});
