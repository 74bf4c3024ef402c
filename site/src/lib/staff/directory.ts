import { parisDateTime } from '../../../../shared/dates.ts';
import type {
  DirectoryChange,
  DirectoryStatus,
  PartnerInput,
  VolunteerInput,
} from '../../../../shared/partners.ts';
import type { FieldError } from '../../../../shared/validation.ts';
import { h } from '../dom.ts';
import { clearErrors, showErrors } from '../forms/field-error.ts';
import { hintId } from '../forms/field-id.ts';
import { StaffApiError } from './api.ts';
import { failureBox, inputField, selectField, textareaField } from './markup.ts';
import { busy, messageOf } from './page-load.ts';

/**
 * The back office's directory forms (partner, volunteer, competence), drawn by the partners', the
 * partner's and the catalogue's pages: the fields under the names of shared/partners.ts' schemas,
 * so that a 400's field errors land next to their control; the server checks everything.
 */

// Not shared/partners.ts' own constant: that module brings zod to the browser.
export const statusWords: Record<DirectoryStatus, { partner: string; person: string }> = {
  active: { partner: 'Active', person: 'Actif' },
  retired: { partner: 'Retirée', person: 'Retiré' },
};

const changeWords: Record<DirectoryChange['change'], string> = {
  created: 'Création',
  updated: 'Modification',
  retired: 'Retrait',
  reinstated: 'Réactivation',
};

/** The audit trail of a fiche, latest last: when, who, what. */
export const historyList = (history: readonly DirectoryChange[]): HTMLOListElement =>
  h(
    'ol',
    { class: 'history' },
    history.map((line) =>
      h('li', {}, [
        h('time', { datetime: line.at }, [`le ${parisDateTime(line.at)}`]),
        ` — ${changeWords[line.change]} par ${line.actor.name}`,
        line.fromOffer ? ` (à partir de la proposition ${line.fromOffer})` : '',
      ]),
    ),
  );

/** One key per form shown, so that a double click or a retry after a lost answer records once. */
export const newKey = (): string => crypto.randomUUID();

type Values = Record<string, string | undefined>;

const text = (
  prefix: string,
  name: string,
  label: string,
  values: Values,
  options: { optional?: boolean; hint?: string; type?: string; attributes?: Record<string, string> } = {},
) => {
  const field = inputField({
    id: `${prefix}-${name.replace(/\./g, '-')}`,
    name,
    label,
    ...(options.hint ? { hint: options.hint } : {}),
    ...(options.type ? { type: options.type } : {}),
    ...(options.attributes ? { attributes: options.attributes } : {}),
    requirement: options.optional ? 'optional' : 'required',
  });
  const input = field.querySelector('input') as HTMLInputElement;
  input.value = values[name] ?? '';
  return field;
};

/** A group of checkboxes named `name`, its fieldset the control a `name.2` error is shown on. */
export const checkboxGroup = (
  prefix: string,
  name: string,
  legend: string,
  choices: readonly { value: string; label: string }[],
  checked: readonly string[],
  hint?: string,
): HTMLFieldSetElement => {
  const id = `${prefix}-${name}`;
  const fieldset = h(
    'fieldset',
    { id, 'data-field': name, ...(hint ? { 'aria-describedby': hintId(id) } : {}) },
    [
      h('legend', {}, [legend]),
      hint ? h('p', { id: hintId(id), class: 'hint' }, [hint]) : null,
      h(
        'ul',
        { class: 'choices', role: 'list' },
        choices.map((choice, index) => {
          const boxId = `${id}-${index}`;
          const box = h('input', { id: boxId, type: 'checkbox', name, value: choice.value });
          box.checked = checked.includes(choice.value);
          return h('li', {}, [box, h('label', { for: boxId }, [choice.label])]);
        }),
      ),
    ],
  );
  return fieldset;
};

export const partnerFields = (prefix: string, partner?: PartnerInput): HTMLElement[] => {
  const values: Values = partner
    ? {
        name: partner.name,
        siret: partner.siret,
        sector: partner.sector,
        'contact.firstName': partner.contact.firstName,
        'contact.lastName': partner.contact.lastName,
        'contact.role': partner.contact.role,
        'contact.email': partner.contact.email,
        'contact.phone': partner.contact.phone,
      }
    : {};
  return [
    text(prefix, 'name', 'Nom de l’entreprise', values, { attributes: { maxlength: '120' } }),
    text(prefix, 'siret', 'SIRET', values, {
      hint: '14 chiffres, ceux de l’établissement du territoire.',
      attributes: { inputmode: 'numeric', maxlength: '17' },
    }),
    text(prefix, 'sector', 'Secteur d’activité', values, {
      hint: 'Par exemple «\u00a0Construction aéronautique\u00a0».',
      attributes: { maxlength: '120' },
    }),
    h('fieldset', {}, [
      h('legend', {}, ['Contact RSE ou RH']),
      text(prefix, 'contact.firstName', 'Prénom', values, { attributes: { autocomplete: 'off' } }),
      text(prefix, 'contact.lastName', 'Nom', values, { attributes: { autocomplete: 'off' } }),
      text(prefix, 'contact.role', 'Fonction', values, { optional: true }),
      text(prefix, 'contact.email', 'Adresse électronique', values, {
        type: 'email',
        attributes: { autocomplete: 'off' },
      }),
      text(prefix, 'contact.phone', 'Téléphone', values, { optional: true, type: 'tel' }),
    ]),
  ];
};

export const volunteerFields = (
  prefix: string,
  catalogue: readonly { id: string; label: string; status: DirectoryStatus }[],
  volunteer?: VolunteerInput,
): HTMLElement[] => {
  const values: Values = volunteer
    ? {
        firstName: volunteer.firstName,
        lastName: volunteer.lastName,
        role: volunteer.role,
        email: volunteer.email,
        phone: volunteer.phone,
      }
    : {};
  const offered = catalogue.filter(
    (competence) => competence.status === 'active' || volunteer?.competences.includes(competence.id),
  );
  return [
    text(prefix, 'firstName', 'Prénom', values, { attributes: { autocomplete: 'off' } }),
    text(prefix, 'lastName', 'Nom', values, { attributes: { autocomplete: 'off' } }),
    text(prefix, 'role', 'Fonction dans l’entreprise', values),
    text(prefix, 'email', 'Adresse électronique', values, {
      type: 'email',
      attributes: { autocomplete: 'off' },
    }),
    text(prefix, 'phone', 'Téléphone', values, { optional: true, type: 'tel' }),
    offered.length === 0
      ? h('p', { class: 'note' }, ['Le catalogue de votre réseau ne compte encore aucune compétence.'])
      : checkboxGroup(
          prefix,
          'competences',
          'Compétences qu’il ou elle peut apporter (facultatif)',
          offered.map(({ id, label, status }) => ({
            value: id,
            label: status === 'retired' ? `${label} (retirée du catalogue)` : label,
          })),
          volunteer?.competences ?? [],
        ),
  ];
};

/** The catalogue's domains, written into the page by the build (shared/catalogue.ts brings zod along). */
export type Categories = readonly { id: string; label: string }[];

export const competenceFields = (
  prefix: string,
  categories: Categories,
  partners: readonly { id: string; name: string; status: DirectoryStatus }[],
  competence?: { category: string; label: string; description: string; partnerIds: string[] },
): HTMLElement[] => {
  const category = selectField({
    id: `${prefix}-category`,
    name: 'category',
    label: 'Domaine',
    choices: [['', 'Choisir un domaine'], ...categories.map((c): [string, string] => [c.id, c.label])],
  });
  (category.querySelector('select') as HTMLSelectElement).value = competence?.category ?? '';
  const label = text(
    prefix,
    'label',
    'Intitulé',
    { label: competence?.label },
    {
      hint: 'Ce que l’entreprise gagnera, en quelques mots\u00a0: «\u00a0Préparer une certification ISO 9001\u00a0».',
      attributes: { maxlength: '120' },
    },
  );
  const description = textareaField({
    id: `${prefix}-description`,
    name: 'description',
    label: 'Description',
    requirement: 'optional',
    rows: 3,
    maxlength: 600,
    value: competence?.description ?? '',
  });
  const named = competence?.partnerIds ?? [];
  const choices = partners
    .filter((partner) => partner.status === 'active' || named.includes(partner.id))
    .map(({ id, name, status }) => ({ value: id, label: status === 'retired' ? `${name} (retirée)` : name }));
  return [
    category,
    label,
    description,
    checkboxGroup(
      prefix,
      'partnerIds',
      'Entreprises partenaires qui l’offrent',
      choices,
      named,
      'Au moins une entreprise active du réseau.',
    ),
  ];
};

const typedValue = (form: HTMLFormElement, name: string): string | undefined => {
  const control = form.elements.namedItem(name);
  if (
    control instanceof HTMLInputElement ||
    control instanceof HTMLTextAreaElement ||
    control instanceof HTMLSelectElement
  ) {
    return control.value.trim() || undefined;
  }
  return undefined;
};

const checkedOf = (form: HTMLFormElement, name: string): string[] =>
  [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${name}"]:checked`)].map(
    (box) => box.value,
  );

const defined = (entries: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

export const readPartner = (form: HTMLFormElement): PartnerInput =>
  ({
    ...defined({
      name: typedValue(form, 'name'),
      siret: typedValue(form, 'siret'),
      sector: typedValue(form, 'sector'),
    }),
    contact: defined({
      firstName: typedValue(form, 'contact.firstName'),
      lastName: typedValue(form, 'contact.lastName'),
      role: typedValue(form, 'contact.role'),
      email: typedValue(form, 'contact.email'),
      phone: typedValue(form, 'contact.phone'),
    }),
  }) as unknown as PartnerInput;

export const readVolunteer = (form: HTMLFormElement, partnerId: string): VolunteerInput =>
  ({
    partnerId,
    ...defined({
      firstName: typedValue(form, 'firstName'),
      lastName: typedValue(form, 'lastName'),
      role: typedValue(form, 'role'),
      email: typedValue(form, 'email'),
      phone: typedValue(form, 'phone'),
    }),
    competences: checkedOf(form, 'competences'),
  }) as unknown as VolunteerInput;

export const readCompetence = (form: HTMLFormElement) =>
  ({
    ...defined({
      category: typedValue(form, 'category'),
      label: typedValue(form, 'label'),
      description: typedValue(form, 'description'),
    }),
    partnerIds: checkedOf(form, 'partnerIds'),
  }) as unknown as { category: 'quality'; label: string; description?: string; partnerIds: string[] };

/** The control a field error belongs to: `contact.email`'s input, `partnerIds.1`'s group. */
const controlOf =
  (form: HTMLFormElement) =>
  (field: string): HTMLElement | null => {
    const group = form.querySelector<HTMLElement>(`fieldset[data-field="${field.split('.')[0]}"]`);
    if (group) return group;
    const control = form.elements.namedItem(field);
    return control instanceof HTMLElement ? control : null;
  };

/**
 * A directory form: labelled fields, a failure box read out as soon as it is filled, one button.
 * `send` runs on submit, once at a time; a 400's errors go next to their fields, anything else in
 * the box, and `onStale` hears of a 409 (someone changed the fiche first).
 */
export const directoryForm = (options: {
  id: string;
  fields: HTMLElement[];
  submitLabel: string;
  send: (form: HTMLFormElement) => Promise<void>;
  onStale?: (error: StaffApiError) => void;
}): HTMLFormElement => {
  const failure = failureBox();
  const button = h('button', { type: 'submit' }, [options.submitLabel]);
  const form = h('form', { id: options.id, class: 'form', novalidate: '' }, [
    failure,
    ...options.fields,
    h('p', {}, [button]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      const controls = [...form.querySelectorAll<HTMLElement>('input, select, textarea, fieldset')];
      clearErrors(controls, failure);
      try {
        await options.send(form);
      } catch (error) {
        if (
          error instanceof StaffApiError &&
          error.status === 409 &&
          error.code === 'stale_version' &&
          options.onStale
        ) {
          options.onStale(error);
          return;
        }
        const errors: FieldError[] = error instanceof StaffApiError ? error.errors : [];
        showErrors(errors, controlOf(form), failure, messageOf(error)).focus();
      }
    });
  });
  return form;
};

/** A button that runs one change (retire, reinstate), its refusal said next to it. */
export const actionButton = (
  label: string,
  work: () => Promise<void>,
  options: { secondary?: boolean; onStale?: (error: StaffApiError) => void } = {},
): HTMLElement => {
  const failure = failureBox();
  const button = h('button', { type: 'button', ...(options.secondary ? { class: 'secondary' } : {}) }, [
    label,
  ]);
  button.addEventListener(
    'click',
    () =>
      void busy(button, async () => {
        failure.replaceChildren();
        try {
          await work();
        } catch (error) {
          if (
            error instanceof StaffApiError &&
            error.status === 409 &&
            error.code === 'stale_version' &&
            options.onStale
          ) {
            options.onStale(error);
            return;
          }
          failure.replaceChildren(h('p', {}, [messageOf(error)]));
        }
      }),
  );
  return h('div', { class: 'action' }, [failure, h('p', {}, [button])]);
};
