import type * as z from 'zod/mini';
import type { FieldError } from '../../../shared/validation.ts';
import { fieldPaths, orderFieldErrors } from '../../../shared/validation.ts';
import { InvalidInputError } from '../../domain/errors.ts';

/**
 * Helpers to check a whole form at once: the schema's errors and the reference-data rules together,
 * so a person sees every problem in one answer rather than one round per rule.
 */
const valueAt = (raw: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      raw,
    );

/** The value of one field, if that field alone is well formed (whatever the rest of the form holds). */
export const wellFormed = <S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  path: string,
): z.output<S> | undefined => {
  const result = schema.safeParse(valueAt(raw, path));
  return result.success ? result.data : undefined;
};

/** Throws every error found, one per field, in the form's order; nothing has been written yet. */
export const rejectIfAny = (schema: z.ZodMiniObject, errors: (FieldError | undefined)[]) => {
  const found = errors.filter((error): error is FieldError => error !== undefined);
  if (found.length > 0) throw new InvalidInputError(orderFieldErrors(found, fieldPaths(schema)));
};
