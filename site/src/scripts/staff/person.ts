import { parisDateTime } from '../../../../shared/dates.ts';
import type { PersonExport, PersonRecordView } from '../../../../shared/staff-api.ts';
import { byId, h, plural } from '../../lib/dom.ts';
import { clearErrors, showErrors } from '../../lib/forms/field-error.ts';
import { anonymiseRecord, exportPerson, getSession, StaffApiError } from '../../lib/staff/api.ts';
import { facts, failureBox, textareaField } from '../../lib/staff/markup.ts';
import { busy, loadPage, messageOf } from '../../lib/staff/page-load.ts';

/**
 * Everything held about one person, searched by e-mail address: shown record by record, downloaded
 * as JSON to hand over, and each record anonymised on request. The address never goes into this
 * page's own URL (browser history): it is sent to the API only.
 */
const form = byId('recherche', HTMLFormElement);
const failure = form.querySelector('.form-failure') as HTMLElement;
const emailInput = byId('email', HTMLInputElement);
const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
const status = byId('recherche-statut', HTMLElement);
const result = byId('resultat', HTMLElement);

const download = (found: PersonExport) => {
  const file = new Blob([`${JSON.stringify(found, null, 2)}\n`], { type: 'application/json' });
  const link = h('a', {
    href: URL.createObjectURL(file),
    download: `donnees-alize-${found.exportedAt.slice(0, 10)}.json`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
};

const anonymiseForm = (record: PersonRecordView, after: () => Promise<void>) => {
  const id = `motif-${record.reference}`;
  const box = failureBox();
  const send = h('button', { type: 'submit', class: 'secondary' }, ['Anonymiser cette fiche']);
  const anonymise = h('form', { class: 'form', novalidate: '' }, [
    box,
    textareaField({
      id,
      name: 'reason',
      label: 'Motif de l’anonymisation',
      hint: 'Par exemple «\u00a0Demande de la personne par courriel du 1er décembre\u00a0». Gardé dans l’historique de la fiche.',
      rows: 2,
      maxlength: 500,
    }),
    h('p', {}, [send]),
  ]);
  anonymise.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(send, async () => {
      const reason = byId(id, HTMLTextAreaElement);
      clearErrors([reason], box);
      try {
        await anonymiseRecord(record.reference, reason.value.trim());
        await after();
        status.textContent = `La fiche ${record.reference} est anonymisée.`;
      } catch (error) {
        showErrors(
          error instanceof StaffApiError ? error.errors : [],
          () => reason,
          box,
          messageOf(error),
        ).focus();
      }
    });
  });
  return h('details', {}, [h('summary', {}, ['Anonymiser cette fiche…']), anonymise]);
};

const recordCard = (record: PersonRecordView, after: () => Promise<void>) =>
  h('article', { class: 'held', 'aria-labelledby': `fiche-${record.reference}` }, [
    h('h2', { id: `fiche-${record.reference}` }, [`${record.kindLabel} ${record.reference}`]),
    facts([
      ['Réseau', record.network.name],
      ['Reçue', `le ${parisDateTime(record.receivedAt)}`],
      ['Anonymisée', record.anonymisedAt ? `le ${parisDateTime(record.anonymisedAt)}` : undefined],
    ]),
    ...record.sections.map((section) =>
      h('section', {}, [
        h('h3', {}, [section.title]),
        facts(section.fields.map((field) => [field.label, field.value] as [string, string])),
      ]),
    ),
    record.anonymisable && anonymiseForm(record, after),
  ]);

const search = async () => {
  const found = await exportPerson(emailInput.value.trim());
  const again = () => search();
  const save = h('button', { type: 'button' }, ['Télécharger ces données (JSON)']);
  save.addEventListener('click', () => download(found));
  status.textContent =
    found.records.length === 0
      ? `Rien n’est gardé pour ${found.email} dans votre périmètre.`
      : `${plural(found.records.length, 'fiche trouvée', 'fiches trouvées')} pour ${found.email}.`;
  result.replaceChildren(
    ...(found.records.length > 0 ? [h('p', { class: 'actions' }, [save])] : []),
    ...found.records.map((record) => recordCard(record, again)),
  );
};

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void busy(button, async () => {
    clearErrors([emailInput], failure);
    status.textContent = 'Recherche…';
    try {
      await search();
    } catch (error) {
      status.textContent = '';
      result.replaceChildren();
      showErrors(
        error instanceof StaffApiError ? error.errors : [],
        () => emailInput,
        failure,
        messageOf(error),
      ).focus();
    }
  });
});

// The session first: it signs the visitor in, and the form shows once they are.
void loadPage(getSession, () => {
  form.hidden = false;
});
