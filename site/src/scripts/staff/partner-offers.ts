import { parisDateTime } from '../../../../shared/dates.ts';
import type { PartnerOfferView, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { convertPartnerOffer, getSession, listPartnerOffers } from '../../lib/staff/api.ts';
import { directoryForm, newKey } from '../../lib/staff/directory.ts';
import { readableSiret } from '../../lib/staff/format.ts';
import { facts, inputField } from '../../lib/staff/markup.ts';
import { loadPage } from '../../lib/staff/page-load.ts';
import { partnerHref } from '../../lib/staff/pages.ts';

/**
 * The partner offers received from the site's form (`/espace-equipe/propositions/[?reseau=…]`):
 * those waiting first, each with what the company wrote and the one action that makes it a partner
 * company (its name, SIRET and contact taken over, the sector typed here); those already made
 * partners after, with a link to the partner.
 */
const filters = byId('filtres', HTMLFormElement);
const networkSelect = byId('filtre-reseau', HTMLSelectElement);
const announcement = byId('annonce', HTMLElement);
const root = byId('propositions', HTMLElement);

const asked = new URLSearchParams(window.location.search).get('reseau') || undefined;
const load = () => Promise.all([getSession(), listPartnerOffers(asked)]);

// The site's form names the domains by id: their words, as the catalogue shows them.
const domainWords: Record<string, string> = {
  quality: 'Qualité',
  production: 'Production et logistique',
  hr: 'Ressources humaines',
  'sales-export': 'Commercial et export',
  finance: 'Finance et gestion',
  digital: 'Numérique',
  'safety-environment': 'Sécurité et environnement',
  management: 'Management et stratégie',
};

let drewFilters = false;

const card = (offer: PartnerOfferView, session: StaffSession, reload: () => Promise<void>) => {
  const national = session.scope.kind === 'national';
  const headingId = `proposition-${offer.reference}`;
  const { company, contact } = offer;
  const waiting = offer.status === 'received';
  let key = newKey();
  return h('article', { class: 'held', 'aria-labelledby': headingId, 'data-reference': offer.reference }, [
    h('h3', { id: headingId }, [`${company.name} – ${offer.reference}`]),
    facts([
      ['Reçue', `le ${parisDateTime(offer.receivedAt)}`],
      ['SIRET', readableSiret(company.siret)],
      ['Commune', `${company.city} (${company.postcode})`],
      [
        'Contact',
        `${contact.firstName} ${contact.lastName}${contact.role ? `, ${contact.role}` : ''} – ${contact.email}${contact.phone ? ` – ${contact.phone}` : ''}`,
      ],
      ['Domaines', offer.offer.categories.map((id) => domainWords[id] ?? id).join(', ')],
      ['Compétences proposées', offer.offer.skills],
      ['Salariés volontaires annoncés', String(offer.offer.volunteers)],
      ['Message', offer.offer.message],
    ]),
    waiting
      ? national
        ? h('p', {}, ['En attente de l’équipe du réseau.'])
        : directoryForm({
            id: `conversion-${offer.reference}`,
            fields: [
              inputField({
                id: `conversion-${offer.reference}-sector`,
                name: 'sector',
                label: 'Secteur d’activité',
                hint: 'Le formulaire du site ne le demande pas. Par exemple «\u00a0Industrie pharmaceutique\u00a0».',
                attributes: { maxlength: '120' },
              }),
            ],
            submitLabel: 'En faire une entreprise partenaire',
            send: async (form) => {
              const sector = (form.elements.namedItem('sector') as HTMLInputElement).value.trim();
              const { partner } = await convertPartnerOffer(offer.reference, sector, key);
              key = newKey();
              await reload();
              announcement.replaceChildren(
                `${partner.name} est maintenant une entreprise partenaire. `,
                h('a', { href: partnerHref(partner.id) }, ['Ouvrir sa fiche']),
              );
              announcement.focus();
            },
          })
      : h('p', {}, [
          'Devenue entreprise partenaire\u00a0: ',
          offer.partnerId
            ? h('a', { href: partnerHref(offer.partnerId, national ? offer.network : undefined) }, [
                'ouvrir sa fiche',
              ])
            : '',
          '.',
        ]),
  ]);
};

const draw = ([session, { offers }]: [StaffSession, { offers: PartnerOfferView[] }]) => {
  if (session.scope.kind === 'national' && !drewFilters) {
    networkSelect.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    networkSelect.value = asked ?? '';
    filters.hidden = false;
    drewFilters = true;
  }
  const reload = async () => draw(await load());
  const waiting = offers.filter((offer) => offer.status === 'received');
  const done = offers.filter((offer) => offer.status !== 'received');
  root.replaceChildren(
    h('h2', {}, ['En attente']),
    h('p', { class: 'summary-line' }, [
      waiting.length === 0
        ? 'Aucune proposition en attente.'
        : `${plural(waiting.length, 'proposition', 'propositions')} en attente, la plus ancienne d’abord.`,
    ]),
    ...waiting.map((offer) => card(offer, session, reload)),
    h('h2', {}, ['Devenues entreprises partenaires']),
    ...(done.length === 0
      ? [h('p', {}, ['Aucune pour l’instant.'])]
      : done.map((offer) => card(offer, session, reload))),
  );
};

void loadPage(load, draw);
