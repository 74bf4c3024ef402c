import type { InboxView, StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { getSession, listApplications } from '../../lib/staff/api.ts';
import { loadPage } from '../../lib/staff/page-load.ts';

/** How many suspected bots each network in scope holds, as the inbox's answer counts them. */
const root = byId('quarantaine', HTMLElement);

const held = (count: number) => (count === 0 ? 'aucun envoi' : plural(count, 'envoi', 'envois'));

const draw = ([session, view]: [StaffSession, InboxView]) => {
  const counts = session.networks
    .filter(({ id }) => id in view.quarantined)
    .map(({ id, name }) => ({ name, count: view.quarantined[id] ?? 0 }));
  if (counts.length === 0) {
    root.replaceChildren(h('p', { class: 'summary-line' }, ['Aucun envoi en quarantaine.']));
    return;
  }
  if (counts.length === 1) {
    const [only] = counts;
    root.replaceChildren(
      h('p', { class: 'summary-line' }, [`${only?.name}\u00a0: ${held(only?.count ?? 0)} en quarantaine.`]),
    );
    return;
  }
  root.replaceChildren(
    h('table', {}, [
      h('caption', {}, ['Envois en quarantaine, par réseau']),
      h('thead', {}, [
        h('tr', {}, [h('th', { scope: 'col' }, ['Réseau']), h('th', { scope: 'col' }, ['Envois'])]),
      ]),
      h(
        'tbody',
        {},
        counts.map(({ name, count }) =>
          h('tr', {}, [h('th', { scope: 'row' }, [name]), h('td', {}, [String(count)])]),
        ),
      ),
    ]),
  );
};

void loadPage(() => Promise.all([getSession(), listApplications()]), draw);
