import { type ApplicationStatus, statusLabels } from '../../../../shared/application-status.ts';
import { frenchDay } from '../../../../shared/dates.ts';
import type { InboxItem, InboxView, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { getSession, listApplications } from '../../lib/staff/api.ts';
import {
  dayCount,
  daysAgo,
  groupByStatus,
  isStatus,
  quotedStatus,
  waitingOnLabel,
} from '../../lib/staff/format.ts';
import { scrollTable } from '../../lib/staff/markup.ts';
import { loadPage } from '../../lib/staff/page-load.ts';
import { applicationHref, committeeHref, staffPages } from '../../lib/staff/pages.ts';
import { setUpApplicationsExport } from './applications-export.ts';

/**
 * The inbox (`/espace-equipe/candidatures/[?reseau=…&statut=…]`): open applications grouped by
 * status, oldest first within each, or the applications of one status, closed ones included.
 * National staff may narrow it to one network.
 */
const filters = byId('filtres', HTMLFormElement);
const networkField = byId('filtre-reseau-champ', HTMLElement);
const networkSelect = byId('filtre-reseau', HTMLSelectElement);
const statusSelect = byId('filtre-statut', HTMLSelectElement);
const quarantine = byId('quarantaine', HTMLElement);
const list = byId('candidatures', HTMLElement);

const query = new URLSearchParams(window.location.search);
const askedStatus = query.get('statut');
const status: ApplicationStatus | undefined = isStatus(askedStatus) ? askedStatus : undefined;
statusSelect.value = status ?? '';

const cell = (children: (Node | string)[], attributes: Record<string, string> = {}) =>
  h('td', attributes, children);

const row = (item: InboxItem, networkName: ((id: string) => string) | undefined) =>
  h('tr', {}, [
    h('th', { scope: 'row', class: 'nowrap' }, [
      h('a', { href: applicationHref(item.reference) }, [item.reference]),
    ]),
    cell([item.companyName]),
    cell([item.projectTitle]),
    ...(networkName ? [cell([networkName(item.network)])] : []),
    cell([h('time', { datetime: item.receivedAt }, [daysAgo(item.ageDays)])]),
    cell([dayCount(item.daysInStatus)]),
    cell([waitingOnLabel(item.waitingOn)], item.waitingOn === 'staff' ? { class: 'waits-on-you' } : {}),
    cell(
      item.committee
        ? [h('a', { href: committeeHref(item.committee.id) }, [frenchDay(item.committee.date)])]
        : [],
    ),
  ]);

const table = (
  groupStatus: ApplicationStatus,
  items: InboxItem[],
  networkName: ((id: string) => string) | undefined,
) => {
  const headers = [
    'Référence',
    'Entreprise',
    'Projet',
    ...(networkName ? ['Réseau'] : []),
    'Reçue',
    'Dans ce statut',
    'En attente',
    'Comité',
  ];
  return scrollTable(
    `statut-${groupStatus}`,
    `${plural(items.length, 'candidature', 'candidatures')} ${quotedStatus(groupStatus)}`,
    headers,
    items.map((item) => row(item, networkName)),
  );
};

const empty = () =>
  h('div', { class: 'note' }, [
    status
      ? h('p', {}, [`Aucune candidature ${quotedStatus(status)} pour le moment.`])
      : h('p', {}, [
          'Aucune candidature ouverte pour le moment. Les demandes arrivent ici dès qu’une entreprise remplit le formulaire du site\u00a0; vous pouvez aussi ',
          h('a', { href: staffPages.newApplication }, ['enregistrer une candidature reçue autrement']),
          '.',
        ]),
  ]);

const summary = (items: InboxItem[]) => {
  if (status) return `${plural(items.length, 'candidature', 'candidatures')} ${quotedStatus(status)}.`;
  const yours = items.filter((item) => item.waitingOn === 'staff').length;
  const open = plural(items.length, 'candidature ouverte', 'candidatures ouvertes');
  return yours > 0 ? `${open}, dont ${yours} en attente de votre part.` : `${open}.`;
};

const drawQuarantine = (view: InboxView) => {
  const held = Object.values(view.quarantined).reduce((sum, count) => sum + count, 0);
  quarantine.replaceChildren(
    held === 0
      ? 'Aucun envoi en quarantaine.'
      : h('a', { href: staffPages.quarantine }, [
          `${plural(held, 'envoi suspect', 'envois suspects')} en quarantaine`,
        ]),
  );
  quarantine.hidden = false;
};

const draw = ([session, view]: [StaffSession, InboxView]) => {
  const national = session.scope.kind === 'national';
  if (national) {
    networkSelect.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    networkSelect.value = query.get('reseau') ?? '';
    networkField.hidden = false;
  }
  filters.hidden = false;
  setUpApplicationsExport(session);
  const names = new Map(session.networks.map(({ id, name }) => [id, name]));
  const networkName = national ? (id: string) => names.get(id) ?? id : undefined;

  drawQuarantine(view);
  if (view.items.length === 0) {
    list.replaceChildren(empty());
    return;
  }
  list.replaceChildren(
    h('p', { class: 'summary-line' }, [summary(view.items)]),
    h('p', { class: 'meta' }, ['Dans chaque statut, les plus anciennes d’abord.']),
    ...groupByStatus(view.items).flatMap((group) => [
      h('h2', {}, [`${statusLabels[group.status]} (${group.items.length})`]),
      table(group.status, group.items, networkName),
    ]),
  );
};

// Both at once: only national staff are offered the network filter, so only they send `reseau`.
void loadPage(
  () => Promise.all([getSession(), listApplications({ network: query.get('reseau') ?? undefined, status })]),
  draw,
);
