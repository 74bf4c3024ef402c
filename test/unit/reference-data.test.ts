import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildNafIndex } from '../../functions/domain/public-forms/naf.ts';
import { renderReferenceData } from '../../functions/reference-data/generate.ts';
import { nafTable } from '../../functions/reference-data/naf.ts';

describe('the reference data the form functions bundle', () => {
  it('matches the installed official packages (else run `npm run build:reference-data`)', () => {
    for (const [name, content] of Object.entries(renderReferenceData())) {
      const committed = readFileSync(
        new URL(`../../functions/reference-data/${name}`, import.meta.url),
        'utf8',
      );
      expect(committed === content, `functions/reference-data/${name} is stale`).toBe(true);
    }
  });

  it('holds the 732 NAF sub-classes, with their labels', () => {
    const naf = buildNafIndex(nafTable);

    expect(naf.size).toBe(732);
    expect([...naf.keys()].every((code) => /^\d{2}\.\d{2}[A-Z]$/.test(code))).toBe(true);
    expect(naf.get('16.23Z')).toBe('Fabrication de charpentes et d’autres menuiseries');
  });
});
