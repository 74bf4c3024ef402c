import { departementOfPostcode, networkOfPostcode } from '../../../../shared/postcodes.ts';
import { departementLabel } from '../departements.ts';
import type { EnhancedForm } from './enhance-form.ts';

/**
 * The application form's competences (components/form/CompetencePicker.astro), made lighter:
 * - as soon as 5 digits are typed, the postcode's département picks its network: only that
 *   network's competences stay shown (the others are hidden, not removed, and unticked, so they are
 *   never sent), and the note below the postcode names the network;
 * - a postcode no network covers is said at once, below the postcode, with the national
 *   coordination's address: the server would refuse the application;
 * - `?competence=<id>`, as the catalogue links it, ticks that competence and shows its network;
 * - past the maximum, the schema's own message says so at once.
 */
const field = 'project.competences';

interface NetworkGroup {
  id: string;
  name: string;
  departements: string[];
  element: HTMLFieldSetElement;
}

export const setUpCompetencePicker = (
  group: HTMLFieldSetElement,
  postcode: HTMLInputElement,
  /** The live note below the postcode. */
  postcodeNote: HTMLElement,
  form: EnhancedForm | undefined,
) => {
  const territory = group.querySelector('.territory');
  const outside = group.querySelector('template');
  const max = Number(group.dataset.max);
  const networks: NetworkGroup[] = [
    ...group.querySelectorAll<HTMLFieldSetElement>('fieldset[data-network]'),
  ].map((element) => ({
    id: element.dataset.network ?? '',
    name: element.querySelector('legend')?.textContent?.trim() ?? '',
    departements: (element.dataset.departements ?? '').split(' '),
    element,
  }));
  const boxes = () => [...group.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

  const say = (text: string) => {
    if (territory) territory.textContent = text;
  };

  /** The national coordination's message for a département no network covers, with its mailto link. */
  const outsideMessage = (departement: string): Element | undefined => {
    const panel = (outside?.content.cloneNode(true) as DocumentFragment | undefined)?.firstElementChild;
    if (!panel) return undefined;
    for (const slot of panel.querySelectorAll('[data-slot="departement"]')) {
      slot.textContent = departementLabel(departement);
    }
    return panel;
  };

  let tooMany = false;
  const checkCount = async () => {
    const count = boxes().filter((box) => box.checked).length;
    if (!form || count <= max) {
      if (tooMany) form?.clearFieldError(field);
      tooMany = false;
      return;
    }
    const message = (await form.validate())?.find((error) => error.field === field)?.message;
    if (message) {
      form.showFieldError(field, message, { announce: true });
      tooMany = true;
    }
  };

  /** Shows one network's competences, or every network's without an argument. */
  const showOnly = (shown?: NetworkGroup) => {
    for (const network of networks) {
      const hidden = shown !== undefined && network !== shown;
      network.element.hidden = hidden;
      if (hidden) for (const box of network.element.querySelectorAll('input')) box.checked = false;
    }
    void checkCount();
  };

  let lastPostcode = '';
  const onPostcode = () => {
    const value = postcode.value.trim();
    if (value === lastPostcode || (value !== '' && !/^\d{5}$/.test(value))) return;
    lastPostcode = value;
    if (value === '') {
      showOnly();
      say('');
      postcodeNote.replaceChildren();
      return;
    }
    const network = networkOfPostcode(networks, value);
    if (network) {
      showOnly(network);
      say(
        `Code postal ${value}\u00a0: voici les compétences du réseau ${network.name}, qui couvre votre département.`,
      );
      postcodeNote.replaceChildren(
        Object.assign(document.createElement('p'), {
          className: 'hint',
          textContent: `Réseau de votre territoire\u00a0: ${network.name}.`,
        }),
      );
      return;
    }
    showOnly();
    const departement = departementOfPostcode(value) ?? value;
    say(
      `Aucun réseau présent sur ce site ne couvre le code postal ${value}\u00a0: voyez le message sous le code postal.`,
    );
    const message = outsideMessage(departement);
    postcodeNote.replaceChildren(...(message ? [message] : []));
  };

  const preselect = new URLSearchParams(window.location.search).get('competence');
  const preselected = boxes().find((box) => box.value === preselect);
  const preselectedNetwork = networks.find((network) => preselected && network.element.contains(preselected));
  if (preselected && preselectedNetwork) {
    showOnly(preselectedNetwork);
    preselected.checked = true;
    say(
      `Voici les compétences du réseau ${preselectedNetwork.name}. Le code postal de votre entreprise affichera celles du réseau de votre territoire.`,
    );
  }

  postcode.addEventListener('input', onPostcode);
  group.addEventListener('change', () => void checkCount());
  // A page restored by the back button keeps what was typed: apply it.
  onPostcode();
};
