import type { FieldError } from '../../../../shared/validation.ts';
import { h } from '../dom.ts';
import { errorId } from './field-id.ts';

/**
 * One control's error message, as every form of the site shows it: above the control (after a
 * group's legend, or at the head of a checkbox's field), tied to it by aria-describedby, the field
 * marked with `.has-error`. The enhanced public forms (enhance-form.ts) and the back office's small
 * forms share it; the message's id is the control's id with `-erreur`.
 */

/** Adds or removes one id in an `aria-describedby` list, keeping the others (the hint). */
const describedBy = (element: Element, id: string, present: boolean) => {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size > 0) element.setAttribute('aria-describedby', [...ids].join(' '));
  else element.removeAttribute('aria-describedby');
};

export const clearControlError = (control: HTMLElement) => {
  const id = errorId(control.id);
  document.getElementById(id)?.remove();
  control.removeAttribute('aria-invalid');
  describedBy(control, id, false);
  control.closest('.field, fieldset')?.classList.remove('has-error');
};

export const showControlError = (control: HTMLElement, message: string, { announce = false } = {}) => {
  clearControlError(control);
  const id = errorId(control.id);
  const error = h('p', { id, class: 'field-error' }, [
    h('span', { class: 'visually-hidden' }, ['Erreur\u00a0: ']),
    message,
  ]);
  if (announce) error.setAttribute('role', 'alert');
  if (control instanceof HTMLFieldSetElement) {
    const legend = control.querySelector('legend');
    if (legend) legend.after(error);
    else control.prepend(error);
  } else {
    // aria-invalid has no meaning on a group; on a control, screen readers say « invalide ».
    control.setAttribute('aria-invalid', 'true');
    const field = control.closest('.field');
    if (control instanceof HTMLInputElement && control.type === 'checkbox' && field) field.prepend(error);
    else control.before(error);
  }
  describedBy(control, id, true);
  control.closest('.field, fieldset')?.classList.add('has-error');
};

/**
 * A form's errors, the schema's before sending or a 400's after: each next to its control when the
 * form has one, the others (and `fallback`, the API's message, when no field error could be shown)
 * in the form's failure box. Answers where the focus should go.
 */
export const showErrors = (
  errors: readonly FieldError[],
  controlOf: (field: string) => HTMLElement | null,
  failure: HTMLElement,
  fallback?: string,
): HTMLElement => {
  const elsewhere: string[] = [];
  let first: HTMLElement | null = null;
  for (const { field, message } of errors) {
    const control = controlOf(field);
    if (control) {
      showControlError(control, message);
      first ??= control;
    } else elsewhere.push(message);
  }
  if (fallback && (errors.length === 0 || elsewhere.length > 0)) elsewhere.unshift(fallback);
  failure.replaceChildren(...[...new Set(elsewhere)].map((message) => h('p', {}, [message])));
  return first ?? failure;
};

/** Clears what showErrors showed on these controls and in the failure box. */
export const clearErrors = (controls: readonly (HTMLElement | null)[], failure: HTMLElement) => {
  for (const control of controls) if (control) clearControlError(control);
  failure.replaceChildren();
};
