import * as z from 'zod/mini';
// The French locale alone: `z.locales` would pull in every language zod speaks.
import fr from 'zod/v4/locales/fr.js';
import { frenchSpacing } from './french-spacing.ts';

/**
 * Zod's own messages in French, for the browser and the Lambda alike: any schema in shared/
 * that does not spell out its message still speaks the user's language.
 *
 * The schemas use `zod/mini`, zod's functional API (`z.string().check(z.minLength(1))` rather than
 * `z.string().min(1)`): what a page does not call is left out of its bundle, where the classic
 * API's methods all come along (about 60 KB more for each form in use).
 */
z.config(fr());

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Flattens zod issues into the `{ field, message }` list the API answers and the forms display.
 * zod's French locale writes « : » after a plain space; the project's own messages need no help.
 */
export const fieldErrors = (error: z.core.$ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '_',
    message: frenchSpacing(issue.message),
  }));

/**
 * The classic API's `z.preprocess`, which `zod/mini` does not export: `fn` runs on the raw input,
 * then `schema` reads what it returns. The same pipe at run time, and typed as the classic one is,
 * so an object's key stays optional on input (`z.input`) when `schema` is optional.
 */
export type Preprocessed<B extends z.core.SomeType> = z.ZodMiniType<
  z.output<B>,
  unknown,
  z.core.$ZodPreprocessInternals<B, unknown>
>;

export const preprocess = <B extends z.core.SomeType>(
  fn: (value: unknown) => unknown,
  schema: B,
): Preprocessed<B> =>
  z.pipe(z.transform(fn), schema as unknown as z.core.$ZodType) as unknown as Preprocessed<B>;

/** The dotted paths of an object schema's fields, in the order they are declared (the form's order). */
export const fieldPaths = (schema: z.ZodMiniObject, prefix = ''): string[] =>
  Object.entries(schema.shape).flatMap(([name, field]) =>
    field instanceof z.ZodMiniObject ? fieldPaths(field, `${prefix}${name}.`) : [`${prefix}${name}`],
  );

/** One error per field (the first found), in the form's order: what a person can act on. */
export const orderFieldErrors = (errors: readonly FieldError[], order: readonly string[]): FieldError[] => {
  const rank = (field: string) => {
    const index = order.findIndex((path) => field === path || field.startsWith(`${path}.`));
    return index === -1 ? order.length : index;
  };
  const seen = new Set<string>();
  return (
    errors
      // An error on one item of a list (`project.competences.2`) belongs to the list's field.
      .map((error, index) => ({ error: { ...error, field: error.field.replace(/(\.\d+)+$/, '') }, index }))
      .sort((a, b) => rank(a.error.field) - rank(b.error.field) || a.index - b.index)
      .map(({ error }) => error)
      .filter((error) => {
        if (seen.has(error.field)) return false;
        seen.add(error.field);
        return true;
      })
  );
};
