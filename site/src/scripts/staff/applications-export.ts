import { parisIsoDate } from '../../../../shared/dates.ts';
import type { StaffSession } from '../../../../shared/staff-api.ts';
import { byId, h } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { downloadExportCsv, type ExportKind, StaffApiError } from '../../lib/staff/api.ts';
import { busy, messageOf } from '../../lib/staff/page-load.ts';

/**
 * The inbox's download of the funders' CSV (applications, missions or half-days): a period (this year so far by default) and, for the
 * national coordination, a network. The file comes through the session's token, so it is fetched,
 * then saved under the name the API gives it.
 */
export const setUpApplicationsExport = (session: StaffSession) => {
  const section = byId('export', HTMLElement);
  const form = byId('export-formulaire', HTMLFormElement);
  const failure = form.querySelector('.form-failure') as HTMLElement;
  const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
  const from = byId('from', HTMLInputElement);
  const to = byId('to', HTMLInputElement);
  const network = byId('export-reseau', HTMLSelectElement);
  const kind = byId('export-fichier', HTMLSelectElement);
  const today = parisIsoDate(new Date());
  from.value = `${today.slice(0, 4)}-01-01`;
  to.value = today;
  if (session.scope.kind === 'national') {
    network.append(...session.networks.map(({ id, name }) => h('option', { value: id }, [name])));
    byId('export-reseau-champ', HTMLElement).hidden = false;
  }
  const controls: Record<string, HTMLElement> = { from, to, network };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(button, async () => {
      clearErrors(Object.values(controls), failure);
      try {
        const { file, fileName } = await downloadExportCsv(kind.value as ExportKind, {
          network: network.value || undefined,
          from: from.value,
          to: to.value,
        });
        const link = h('a', { href: URL.createObjectURL(file), download: fileName });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        showErrors(
          error instanceof StaffApiError ? error.errors : [],
          (field) => controls[field] ?? null,
          failure,
          messageOf(error),
        ).focus();
      }
    });
  });
  section.hidden = false;
};
