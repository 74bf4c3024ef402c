import * as z from 'zod/mini';
import { type FieldError, fieldErrors } from '../../../../shared/validation.ts';

/**
 * Client-side validation with the very schemas of shared/ that the Lambda applies, so the person
 * reads the same French messages before sending as the server would answer.
 *
 * With zod/mini and the schemas it weighs about 32 KB (11 KB gzipped): the form scripts import it
 * lazily, when someone starts filling a form, never with the page.
 */

// Zod compiles a faster parser with `new Function` when it may; the site's Content-Security-Policy
// has no 'unsafe-eval', so it would only trip a CSP report before falling back.
z.config({ jitless: true });

export type Validate = (value: unknown) => FieldError[];

export const validatorFor =
  (schema: z.ZodMiniType): Validate =>
  (value) => {
    const result = schema.safeParse(value);
    return result.success ? [] : fieldErrors(result.error);
  };
