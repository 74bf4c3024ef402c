import type { CatalogueResponse, Competence } from '../../../shared/catalogue.ts';
import { fetchCatalogue } from '../lib/catalogue-api.ts';
import { byId, h, plural } from '../lib/dom.ts';

/**
 * The catalogue page: loads `/api/catalogue`, renders every competence once, grouped by category,
 * then filters by hiding and showing them, with no reload. The filters are mirrored in the address
 * (`?q=…&categorie=…&reseau=…`) so a filtered catalogue can be shared or reached from /reseaux/.
 */

const form = byId('catalogue-filtres', HTMLFormElement);
const searchInput = byId('recherche', HTMLInputElement);
const categorySelect = byId('categorie', HTMLSelectElement);
const networkSelect = byId('reseau', HTMLSelectElement);
const resetButton = byId('effacer-filtres', HTMLButtonElement);
const status = byId('catalogue-statut', HTMLElement);
const errorBox = byId('catalogue-erreur', HTMLElement);
const retryButton = byId('catalogue-reessayer', HTMLButtonElement);
const results = byId('catalogue-resultats', HTMLElement);
const empty = byId('catalogue-vide', HTMLElement);
const emptyResetButton = byId('catalogue-vide-effacer', HTMLButtonElement);

interface Entry {
  competence: Competence;
  element: HTMLElement;
  /** Label, description, partners, category and network, lower case and without accents. */
  haystack: string;
}

interface Group {
  id: string;
  element: HTMLElement;
  entries: Entry[];
}

const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, ' ')
    .toLowerCase();

let groups: Group[] = [];
let announceTimer: number | undefined;

const setStatus = (text: string) => {
  status.textContent = text;
};

const renderCompetence = (
  competence: Competence,
  networkName: string | undefined,
  showNetwork: boolean,
): HTMLElement => {
  const partnersLabel =
    competence.partners.length > 1 ? 'Entreprises partenaires\u00a0:' : 'Entreprise partenaire\u00a0:';
  return h('li', { class: 'card' }, [
    h('h3', {}, [competence.label]),
    competence.description ? h('p', {}, [competence.description]) : null,
    showNetwork && networkName ? h('p', { class: 'meta' }, [`Réseau\u00a0: ${networkName}`]) : null,
    h('p', { class: 'meta' }, [partnersLabel]),
    h(
      'ul',
      { class: 'partners', role: 'list' },
      competence.partners.map((partner) => h('li', {}, [partner])),
    ),
    h('p', {}, [
      h('a', { href: `/candidater/?competence=${encodeURIComponent(competence.id)}` }, [
        'Demander cet accompagnement',
        h('span', { class: 'visually-hidden' }, [`\u00a0: ${competence.label}`]),
      ]),
    ]),
  ]);
};

const render = (catalogue: CatalogueResponse) => {
  const networkNames = new Map(catalogue.networks.map((n) => [n.id, n.name]));
  const showNetwork = catalogue.networks.length > 1;
  const usedCategories = catalogue.categories.filter((category) =>
    catalogue.competences.some((c) => c.category === category.id),
  );

  groups = usedCategories.map((category) => {
    const headingId = `categorie-${category.id}`;
    const entries = catalogue.competences
      .filter((c) => c.category === category.id)
      .map((competence) => {
        const networkName = networkNames.get(competence.network);
        return {
          competence,
          element: renderCompetence(competence, networkName, showNetwork),
          haystack: normalize(
            [
              competence.label,
              competence.description ?? '',
              ...competence.partners,
              category.label,
              networkName ?? '',
            ].join(' '),
          ),
        };
      });
    const element = h('section', { 'aria-labelledby': headingId }, [
      h('h2', { id: headingId }, [category.label]),
      h(
        'ul',
        { class: 'cards', role: 'list' },
        entries.map((entry) => entry.element),
      ),
    ]);
    return { id: category.id, element, entries };
  });
  results.replaceChildren(...groups.map((group) => group.element));

  categorySelect.replaceChildren(
    new Option('Toutes les catégories', ''),
    ...usedCategories.map((category) => new Option(category.label, category.id)),
  );
  networkSelect.replaceChildren(
    new Option('Tous les réseaux', ''),
    ...catalogue.networks.map((network) => new Option(network.name, network.id)),
  );
};

/** Applies a value to a select only if it is one of its options, so a stale link never empties the list. */
const selectIfKnown = (select: HTMLSelectElement, value: string | null) => {
  if (value && [...select.options].some((option) => option.value === value)) select.value = value;
};

const readAddress = () => {
  const params = new URLSearchParams(window.location.search);
  searchInput.value = params.get('q') ?? '';
  selectIfKnown(categorySelect, params.get('categorie'));
  selectIfKnown(networkSelect, params.get('reseau'));
};

const writeAddress = () => {
  const url = new URL(window.location.href);
  const values = {
    q: searchInput.value.trim(),
    categorie: categorySelect.value,
    reseau: networkSelect.value,
  };
  for (const [name, value] of Object.entries(values)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  window.history.replaceState(null, '', url);
};

const countText = (count: number) => plural(count, 'compétence affichée', 'compétences affichées');

const applyFilters = ({ announceNow = false } = {}) => {
  const terms = normalize(searchInput.value).split(/\s+/).filter(Boolean);
  const category = categorySelect.value;
  const network = networkSelect.value;
  let shown = 0;
  for (const group of groups) {
    let shownInGroup = 0;
    for (const entry of group.entries) {
      const visible =
        (!category || group.id === category) &&
        (!network || entry.competence.network === network) &&
        terms.every((term) => entry.haystack.includes(term));
      entry.element.hidden = !visible;
      if (visible) shownInGroup += 1;
    }
    group.element.hidden = shownInGroup === 0;
    shown += shownInGroup;
  }
  empty.hidden = shown > 0;

  // The count is announced once typing pauses, not at every key stroke.
  window.clearTimeout(announceTimer);
  if (announceNow) setStatus(countText(shown));
  else announceTimer = window.setTimeout(() => setStatus(countText(shown)), 400);
};

const onFilterChange = () => {
  applyFilters();
  writeAddress();
};

const resetFilters = () => {
  searchInput.value = '';
  categorySelect.value = '';
  networkSelect.value = '';
  onFilterChange();
  searchInput.focus();
};

const load = async () => {
  errorBox.hidden = true;
  results.setAttribute('aria-busy', 'true');
  setStatus('Chargement du catalogue…');
  try {
    const catalogue = await fetchCatalogue();
    render(catalogue);
    readAddress();
    form.hidden = false;
    applyFilters({ announceNow: true });
  } catch (error) {
    console.error('Catalogue indisponible', error);
    setStatus('Le catalogue n’a pas pu être chargé.');
    errorBox.hidden = false;
  } finally {
    results.removeAttribute('aria-busy');
  }
};

form.addEventListener('submit', (event) => event.preventDefault());
searchInput.addEventListener('input', onFilterChange);
categorySelect.addEventListener('change', onFilterChange);
networkSelect.addEventListener('change', onFilterChange);
resetButton.addEventListener('click', resetFilters);
emptyResetButton.addEventListener('click', resetFilters);
retryButton.addEventListener('click', () => {
  // The button disappears while loading: keep the focus on the message that tells what happens.
  status.focus();
  void load();
});

void load();
