import { describe, expect, it } from 'vitest';
import { applicationSchema } from '../../shared/application.ts';
import { partnerOfferSchema } from '../../shared/partner-offer.ts';
import { fieldErrors } from '../../shared/validation.ts';

describe('a form posted with whole parts missing', () => {
  it.each([
    ['application', applicationSchema, ['company', 'contact', 'project']],
    ['partner offer', partnerOfferSchema, ['company', 'contact', 'offer']],
  ] as const)('the %s names each missing part in plain French', (_name, schema, parts) => {
    const result = schema.safeParse({ consent: true });

    expect(result.success).toBe(false);
    const errors = result.success ? [] : fieldErrors(result.error);
    expect(errors.map((error) => error.field)).toEqual(parts);
    for (const error of errors) expect(error.message).toMatch(/manque(nt)?\.$/);
  });
});
