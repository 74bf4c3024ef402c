import { h } from '../dom.ts';
import { hintId } from '../forms/field-id.ts';

/**
 * The pieces the back office's scripts draw, with the markup of components/form/Field.astro (label
 * above, hint tied by aria-describedby, « (facultatif) » in the label) so that the site's styles and
 * lib/forms/field-error.ts apply to them as to the public forms.
 */
type Child = Node | string | null | undefined | false;

/** A list of facts, a term and its value; a fact without a value is left out. */
export const facts = (rows: [string, Child | Child[]][]): HTMLDListElement =>
  h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, value]) => value !== undefined && value !== null && value !== false && value !== '')
      .flatMap(([term, value]) => [h('dt', {}, [term]), h('dd', {}, Array.isArray(value) ? value : [value])]),
  );

interface ControlOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  /**
   * `required` by default; `optional` says « (facultatif) »; `conditional` says neither, its hint
   * tells when it is needed (a reason, except for an approved project).
   */
  requirement?: 'required' | 'optional' | 'conditional';
}

const labelled = ({ id, label, hint, requirement = 'required' }: ControlOptions, control: HTMLElement) => {
  if (hint) control.setAttribute('aria-describedby', hintId(id));
  if (requirement === 'required') control.setAttribute('required', '');
  return h('div', { class: 'field' }, [
    h('label', { for: id }, [
      label,
      requirement === 'optional' && h('span', { class: 'optional' }, ['\u00a0(facultatif)']),
    ]),
    hint && h('p', { id: hintId(id), class: 'hint' }, [hint]),
    control,
  ]);
};

export const textareaField = (
  options: ControlOptions & { rows?: number; maxlength?: number; value?: string },
): HTMLDivElement => {
  const textarea = h('textarea', {
    id: options.id,
    name: options.name,
    rows: String(options.rows ?? 4),
    ...(options.maxlength ? { maxlength: String(options.maxlength) } : {}),
  });
  textarea.value = options.value ?? '';
  return labelled(options, textarea);
};

export const selectField = (
  options: ControlOptions & { choices: [value: string, label: string][] },
): HTMLDivElement =>
  labelled(
    options,
    h(
      'select',
      { id: options.id, name: options.name },
      options.choices.map(([value, label]) => h('option', { value }, [label])),
    ),
  );

export const inputField = (
  options: ControlOptions & { type?: string; attributes?: Record<string, string> },
): HTMLDivElement =>
  labelled(
    options,
    h('input', { id: options.id, name: options.name, type: options.type ?? 'text', ...options.attributes }),
  );

/** Where a form says, in French, why nothing was recorded: read out as soon as it is filled. */
export const failureBox = (): HTMLDivElement => h('div', { class: 'form-failure error', role: 'alert' });

export const showFailure = (box: HTMLElement, message: string | undefined) => {
  box.replaceChildren(...(message ? [h('p', {}, [message])] : []));
};

/**
 * A data table that scrolls sideways on a phone rather than squeezing: the scrolling region is named
 * by the table's caption and reachable by the keyboard. The caption is for those who list tables;
 * the heading above already says it to the eye.
 */
export const scrollTable = (
  captionId: string,
  caption: string,
  headers: readonly string[],
  rows: HTMLTableRowElement[],
): HTMLDivElement =>
  h('div', { class: 'table-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: '0' }, [
    h('table', {}, [
      h('caption', { id: captionId, class: 'visually-hidden' }, [caption]),
      h('thead', {}, [
        h(
          'tr',
          {},
          headers.map((header) => h('th', { scope: 'col' }, [header])),
        ),
      ]),
      h('tbody', {}, rows),
    ]),
  ]);
