import type { StaffSession } from '../../../../shared/staff-api.ts';
import { type StatisticsView, statisticsHtml } from '../../../../shared/statistics.ts';
import { byId, h } from '../../lib/dom.ts';
import { downloadStatisticsCsv, getSession, getStatistics } from '../../lib/staff/api.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';

/**
 * The month's statistics (`/espace-equipe/statistiques/[?network=…&month=YYYY-MM]`): the same
 * markup as the monthly mail, drawn from the same API answer, and the CSV for funders. A network's
 * staff read their own network; the national coordination every network and the roll-up.
 */
const filters = byId('filtres', HTMLFormElement);
const networkField = byId('champ-reseau', HTMLElement);
const networkFilter = byId('filtre-reseau', HTMLSelectElement);
const monthFilter = byId('filtre-mois', HTMLInputElement);
const section = byId('chiffres', HTMLElement);
const heading = byId('chiffres-titre', HTMLElement);
const figures = byId('statistiques', HTMLElement);
const download = byId('telecharger', HTMLButtonElement);
const downloadFailure = byId('telechargement', HTMLElement);

const query = new URLSearchParams(window.location.search);
const asked = {
  network: query.get('network') ?? undefined,
  month: query.get('month') ?? undefined,
};

const draw = ([session, view]: [StaffSession, StatisticsView]) => {
  if (session.scope.kind === 'national') {
    networkFilter.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    networkFilter.value = view.scope.id;
    networkField.hidden = false;
  }
  monthFilter.value = view.month;
  filters.hidden = false;
  heading.textContent = `${view.scope.name}\u00a0: ${view.monthLabel}`;
  // Markup built by shared/statistics.ts's escaping template, the mail's very own.
  figures.innerHTML = statisticsHtml(view).value;
  section.hidden = false;
  download.addEventListener('click', () => {
    void busy(download, async () => {
      downloadFailure.textContent = '';
      try {
        const { file, fileName } = await downloadStatisticsCsv({ network: view.scope.id, month: view.month });
        const link = h('a', { href: URL.createObjectURL(file), download: fileName });
        link.click();
        URL.revokeObjectURL(link.href);
      } catch (error) {
        downloadFailure.textContent = messageOf(error);
      }
    });
  });
};

void loadPage(() => Promise.all([getSession(), getStatistics(asked)]), draw);
