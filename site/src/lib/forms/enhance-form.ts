import { formEntriesToObject } from '../../../../shared/form-data.ts';
import type { FieldError } from '../../../../shared/validation.ts';
import { h } from '../dom.ts';
import { clearControlError, showControlError } from './field-error.ts';
import { fieldId } from './field-id.ts';
import { sendingMessages } from './messages.ts';
import { type Accepted, type Outcome, submitJson } from './submit.ts';
import type { Validate } from './validator.ts';

/**
 * Progressive enhancement of a form that already works without JavaScript (a native url-encoded
 * post): checks it with the shared zod schema, shows errors next to each field and in a summary,
 * sends JSON with an Idempotency-Key, then replaces the form with its confirmation — no reload.
 *
 * The markup comes from components/form/*.astro: `.error-summary`, `.form-failure`,
 * `.form-progress`, the submit button, and a `<template id="{form id}-confirmation">`.
 *
 * A back-office form (`sender`) is sent by the page's own function, with the staff session, and
 * hands the accepted answer back to the page: no confirmation template, no anti-bot timing.
 */
export interface EnhancedForm {
  /** The form's values checked by the shared schema; `undefined` when the schema could not load. */
  validate(): Promise<FieldError[] | undefined>;
  showFieldError(field: string, message: string, options?: { announce?: boolean }): void;
  clearFieldError(field: string): void;
}

export interface EnhanceOptions {
  form: HTMLFormElement;
  /** A dynamic `import()` of one of lib/forms/validators/*: loaded when someone starts filling the form. */
  loadValidator: () => Promise<{ validate: Validate }>;
  sender?: {
    send: (values: Record<string, unknown>, idempotencyKey: string) => Promise<Outcome>;
    onAccepted: (accepted: Accepted) => void;
  };
}

const part = <T extends Element>(root: ParentNode, selector: string, type: new () => T): T => {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`${selector} is missing or is not a ${type.name}`);
  return element;
};

const isVisible = (element: Element) => !element.closest('[hidden]');

/** Where the focus goes for a field: the control itself, or a group's first visible box. */
const focusTarget = (control: HTMLElement): HTMLElement =>
  control instanceof HTMLFieldSetElement
    ? ([...control.querySelectorAll('input')].find(isVisible) ?? control)
    : control;

/**
 * One message per field, in the order the fields appear on the page; errors without a field last.
 * An error on one item of a list (`project.competences.2`) belongs to the list's field.
 */
const byPageOrder = (errors: FieldError[], controlFor: (field: string) => HTMLElement | null) => {
  const seen = new Map<string, FieldError>();
  for (const { field, message } of errors) {
    const list = field.replace(/(\.\d+)+$/, '');
    if (!seen.has(list)) seen.set(list, { field: list, message });
  }
  return [...seen.values()].sort((a, b) => {
    const [first, second] = [controlFor(a.field), controlFor(b.field)];
    if (!first || !second) return first ? -1 : second ? 1 : 0;
    return first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
};

export const enhanceForm = ({ form, loadValidator, sender }: EnhanceOptions): EnhancedForm | undefined => {
  // Outside HTTPS (and localhost) there is no randomUUID: the native post still works, leave it be.
  if (typeof crypto.randomUUID !== 'function') return undefined;
  /** One key per form shown: a double click or a retry after a lost answer is recorded once. */
  const idempotencyKey = crypto.randomUUID();

  const summary = part(form, '.error-summary', HTMLElement);
  const summaryList = part(summary, 'ul', HTMLUListElement);
  const failure = part(form, '.form-failure', HTMLElement);
  const progress = part(form, '.form-progress', HTMLElement);
  const button = part(form, 'button[type="submit"]', HTMLButtonElement);
  const confirmation = sender ? undefined : part(document, `#${form.id}-confirmation`, HTMLTemplateElement);
  const pageTitle = document.title;

  form.noValidate = true;
  if (!sender) form.append(h('input', { type: 'hidden', name: 'formStartedAt', value: String(Date.now()) }));

  let validator: Promise<Validate | undefined> | undefined;
  const loadValidatorOnce = () => {
    validator ??= loadValidator().then(
      (module) => module.validate,
      (error: unknown) => {
        // The server checks everything again: without the schema the form is still sent.
        console.warn('Validation dans le navigateur indisponible', error);
        validator = undefined;
        return undefined;
      },
    );
    return validator;
  };
  form.addEventListener('focusin', () => void loadValidatorOnce(), { once: true });

  const values = () =>
    formEntriesToObject(
      [...new FormData(form)].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );

  const controlFor = (field: string): HTMLElement | null => {
    const element = document.getElementById(fieldId(field));
    return element && form.contains(element) ? element : null;
  };

  /** Fields that show an error now. */
  const invalid = new Set<string>();

  const clearFieldError = (field: string) => {
    invalid.delete(field);
    const control = controlFor(field);
    if (control) clearControlError(control);
  };

  const showFieldError = (field: string, message: string, { announce = false } = {}) => {
    const control = controlFor(field);
    if (!control) return;
    invalid.add(field);
    showControlError(control, message, { announce });
  };

  const clearErrors = () => {
    for (const field of [...invalid]) clearFieldError(field);
    summary.hidden = true;
    summaryList.replaceChildren();
    document.title = pageTitle;
  };

  const showErrors = (errors: FieldError[]) => {
    const sorted = byPageOrder(errors, controlFor);
    for (const { field, message } of sorted) showFieldError(field, message);
    summaryList.replaceChildren(
      ...sorted.map(({ field, message }) =>
        h('li', {}, [controlFor(field) ? h('a', { href: `#${fieldId(field)}` }, [message]) : message]),
      ),
    );
    summary.hidden = false;
    document.title = `Erreur\u00a0: ${pageTitle}`;
    summary.focus();
  };

  // A summary link takes the focus to its field, not just the scroll: the person types at once.
  summary.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const control = link ? document.getElementById(link.hash.slice(1)) : null;
    if (!control) return;
    event.preventDefault();
    control.closest('.field, fieldset')?.scrollIntoView();
    focusTarget(control).focus({ preventScroll: true });
  });

  const showConfirmation = (accepted: Accepted) => {
    if (!confirmation) return;
    const panel = (confirmation.content.cloneNode(true) as DocumentFragment).firstElementChild;
    if (!(panel instanceof HTMLElement)) throw new Error(`#${confirmation.id} has no element`);
    for (const slot of panel.querySelectorAll('[data-slot="reference"]'))
      slot.textContent = accepted.reference;
    for (const slot of panel.querySelectorAll('[data-slot="network"]')) {
      slot.textContent = accepted.network?.name ?? '';
    }
    for (const slot of panel.querySelectorAll<HTMLElement>('[data-field]')) {
      const input = form.elements.namedItem(slot.dataset.field ?? '');
      slot.textContent = input instanceof HTMLInputElement ? input.value.trim() : '';
    }
    for (const variant of panel.querySelectorAll<HTMLElement>('[data-if]')) {
      if ((variant.dataset.if === 'network') !== (accepted.network !== null)) variant.remove();
    }
    form.replaceWith(panel);
    if (panel.dataset.title) document.title = `${panel.dataset.title} – ${pageTitle}`;
    panel.focus();
  };

  let sending = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    failure.replaceChildren();
    const send = async () => {
      const value = values();
      const validate = await loadValidatorOnce();
      const errors = validate?.(value) ?? [];
      clearErrors();
      if (errors.length > 0) {
        showErrors(errors);
        return;
      }
      progress.textContent = sendingMessages.sending;
      button.setAttribute('aria-disabled', 'true');
      const outcome = sender
        ? await sender.send(value, idempotencyKey)
        : await submitJson(form.action, value, idempotencyKey);
      if (outcome.kind === 'accepted') (sender?.onAccepted ?? showConfirmation)(outcome);
      else if (outcome.kind === 'invalid') showErrors(outcome.errors);
      else failure.append(h('p', {}, [outcome.message]));
    };
    send()
      .catch((error: unknown) => {
        console.error('Envoi du formulaire', error);
        failure.append(h('p', {}, [sendingMessages.server]));
      })
      .finally(() => {
        sending = false;
        progress.textContent = '';
        button.removeAttribute('aria-disabled');
      });
  });

  return {
    validate: async () => (await loadValidatorOnce())?.(values()),
    showFieldError,
    clearFieldError,
  };
};
