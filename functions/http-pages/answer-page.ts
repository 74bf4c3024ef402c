import type { ApiError } from '../../shared/api-errors.ts';
import { fieldId } from '../../shared/forms.ts';
import { html, SafeHtml } from '../lib/html.ts';

/**
 * The page a browser without JavaScript gets after posting a form: the same outcome as the JSON
 * answer, for a person. A complete French document, readable without the site's styles or scripts.
 */
export interface AcceptedPage {
  kind: 'accepted';
  title: string;
  /** Sentences before the reference. */
  lead: string;
  reference: string;
  /** Who handles it, as a sentence: « Votre demande est confiée à Alizé Indre… ». */
  handling: string;
  nextSteps: readonly string[];
}

export interface ErrorPage {
  kind: 'error';
  status: number;
  /** The form's page, e.g. `/candidater/`: where every link leads back. */
  formPage: string;
  error: ApiError;
}

export type AnswerPageModel = AcceptedPage | ErrorPage;

// Constant markup, not user text: kept as is.
const styles =
  new SafeHtml(`body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.6;color:#1a1a1a;background:#fff;max-width:42rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.6rem;line-height:1.25}
a{color:#0b4f8a}
a:focus{outline:3px solid #f4a100;outline-offset:2px}
.reference{font-size:1.25rem;font-weight:700;letter-spacing:.03em}
.errors{border-left:4px solid #b3261e;padding:.25rem 0 .25rem 1rem}
.back{font-weight:700}`);

const page = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — Alizé</title>
<style>${styles}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value;

const errorTitles: Record<number, string> = {
  400: 'Votre envoi n’a pas pu être enregistré',
  409: 'Votre envoi est en cours d’enregistrement',
  413: 'Votre envoi est trop volumineux',
  415: 'Ce format d’envoi n’est pas accepté',
  429: 'Trop d’envois en peu de temps',
};

const backButtonHint =
  'Le bouton Retour de votre navigateur vous ramène au formulaire avec ce que vous avez saisi : c’est le plus simple pour corriger sans tout retaper.';

const renderError = (model: ErrorPage): string => {
  const fieldErrors = model.error.errors ?? [];
  const title =
    fieldErrors.length > 0
      ? 'Quelques informations sont à corriger'
      : (errorTitles[model.status] ?? 'Votre envoi n’a pas abouti');
  const intro =
    fieldErrors.length > 0
      ? html`<p>Rien n’a été enregistré pour l’instant. ${fieldErrors.length === 1 ? 'Une information est' : `${fieldErrors.length} informations sont`} à corriger :</p>
<ul class="errors">
${fieldErrors.map(
  (error) => html`<li><a href="${`${model.formPage}#${fieldId(error.field)}`}">${error.message}</a></li>
`,
)}</ul>`
      : html`<p>${model.error.message}</p>`;
  return page(
    title,
    html`<h1>${title}</h1>
${intro}
<p>${backButtonHint}</p>
<p><a class="back" href="${model.formPage}">Revenir au formulaire</a></p>`,
  );
};

const renderAccepted = (model: AcceptedPage): string =>
  page(
    model.title,
    html`<h1>${model.title}</h1>
<p>${model.lead}</p>
<p>Votre référence : <span class="reference">${model.reference}</span><br>Notez-la : elle vous sera demandée si vous nous contactez.</p>
<p>${model.handling} Un accusé de réception vous est envoyé par courriel.</p>
<h2>Et maintenant ?</h2>
<ol>
${model.nextSteps.map(
  (step) => html`<li>${step}</li>
`,
)}</ol>
<p><a href="/">Retour à l’accueil du site</a></p>`,
  );

export const renderAnswerPage = (model: AnswerPageModel): string =>
  model.kind === 'accepted' ? renderAccepted(model) : renderError(model);
