import type { CatalogueResponse } from '../../../shared/catalogue.ts';
import { fetchCatalogue } from '../lib/catalogue-api.ts';
import { departementLabel } from '../lib/departements.ts';
import { byId, h, plural } from '../lib/dom.ts';

/**
 * The networks page: the networks come with the catalogue (`/api/catalogue`), which also gives
 * how many competences each one offers and a link to its part of the catalogue.
 */

const status = byId('reseaux-statut', HTMLElement);
const errorBox = byId('reseaux-erreur', HTMLElement);
const retryButton = byId('reseaux-reessayer', HTMLButtonElement);
const list = byId('reseaux-liste', HTMLUListElement);

const render = ({ networks, competences }: CatalogueResponse) => {
  list.replaceChildren(
    ...networks.map((network) => {
      const count = competences.filter((c) => c.network === network.id).length;
      const departementsTerm = network.departements.length > 1 ? 'Départements' : 'Département';
      return h('li', { class: 'card' }, [
        h('h3', {}, [network.name]),
        h('dl', { class: 'facts' }, [
          h('dt', {}, ['Opérateur']),
          h('dd', {}, [network.operator]),
          h('dt', {}, [departementsTerm]),
          h('dd', {}, [network.departements.map(departementLabel).join(', ')]),
          h('dt', {}, ['Au catalogue']),
          h('dd', {}, [plural(count, 'compétence', 'compétences')]),
        ]),
        count > 0
          ? h('p', {}, [
              h('a', { href: `/catalogue/?reseau=${encodeURIComponent(network.id)}` }, [
                `Voir les compétences du réseau ${network.name}`,
              ]),
            ])
          : null,
      ]);
    }),
  );
};

const load = async () => {
  errorBox.hidden = true;
  list.setAttribute('aria-busy', 'true');
  status.textContent = 'Chargement des réseaux…';
  try {
    const catalogue = await fetchCatalogue();
    render(catalogue);
    status.textContent = plural(catalogue.networks.length, 'réseau affiché', 'réseaux affichés');
  } catch (error) {
    console.error('Réseaux indisponibles', error);
    status.textContent = 'La liste des réseaux n’a pas pu être chargée.';
    errorBox.hidden = false;
  } finally {
    list.removeAttribute('aria-busy');
  }
};

retryButton.addEventListener('click', () => {
  status.focus();
  void load();
});

void load();
