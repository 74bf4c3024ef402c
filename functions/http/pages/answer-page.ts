import type { ApiError } from '../../../shared/api-errors.ts';
import { fieldId } from '../../../shared/forms.ts';
import { html, SafeHtml } from '../../../shared/html.ts';
import { footerNav, footerText, mainNav, type NavItem, siteName, siteTagline } from '../../../shared/site.ts';

/**
 * The page a browser without JavaScript gets after posting a form: the same outcome as the JSON
 * answer, for a person, in the site's frame (header, menu, footer, from shared/site.ts as the Astro
 * layout reads them). A complete French document, readable without the site's scripts, styled by
 * its own small style sheet (the site's is hashed at build time, unknown to the function).
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

// Constant markup, not user text: kept as is. The menu folds into « Menu » on a phone, without script.
const styles =
  new SafeHtml(`body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.6;color:#1b1b1b;background:#fff;margin:0}
.wrap{max-width:42rem;margin:0 auto;padding:0 1rem}
a{color:#0b4f8a}
a:focus,summary:focus{outline:3px solid #0b4f8a;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip-link{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem}
.skip-link:focus{top:.5rem}
header{border-bottom:4px solid #0b4f8a;padding:.75rem 0}
.brand{color:#0b4f8a;font-size:1.5rem;font-weight:700;text-decoration:none}
.tagline{margin:0;color:#4b4b4b;font-size:.95rem}
nav ul{display:flex;flex-wrap:wrap;gap:0 1rem;list-style:none;margin:.5rem 0 0;padding:0}
nav a{display:inline-block;padding:.3rem 0}
summary{cursor:pointer;display:inline-block;margin-top:.5rem;padding:.3rem .75rem;border:1px solid #0b4f8a;border-radius:.375rem;color:#0b4f8a;font-weight:700}
.menu-full{display:none}
@media (min-width:48rem){.menu-full{display:block}.menu-compact{display:none}}
main{display:block;padding:1.5rem 0 3rem}
h1{font-size:1.6rem;line-height:1.25}
.reference{font-size:1.25rem;font-weight:700;letter-spacing:.03em}
.errors{border-left:4px solid #a4161a;padding:.25rem 0 .25rem 1rem}
.back{font-weight:700}
footer{border-top:1px solid #767676;padding:1.5rem 0 2rem;color:#4b4b4b;font-size:.95rem}`);

const links = (items: readonly NavItem[]) =>
  html`<ul>
${items.map(
  (item) => html`<li><a href="${item.href}">${item.label}</a></li>
`,
)}</ul>`;

const page = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – ${siteName}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<style>${styles}</style>
</head>
<body>
<a class="skip-link" href="#contenu">Aller au contenu</a>
<header>
<div class="wrap">
<a class="brand" href="/">${siteName}<span class="visually-hidden"> – accueil</span></a>
<p class="tagline">${siteTagline}</p>
<nav aria-label="Menu principal">
<details class="menu-compact">
<summary>Menu</summary>
${links(mainNav)}
</details>
<div class="menu-full">
${links(mainNav)}
</div>
</nav>
</div>
</header>
<main id="contenu" tabindex="-1">
<div class="wrap">
${body}
</div>
</main>
<footer>
<div class="wrap">
<p>${footerText}</p>
<nav aria-label="Informations légales">
${links(footerNav)}
</nav>
</div>
</footer>
</body>
</html>
`.value;

const errorTitles: Record<number, string> = {
  400: 'Votre envoi n’a pas pu être enregistré',
  409: 'Votre envoi est en cours d’enregistrement',
  413: 'Votre envoi est trop volumineux',
  415: 'Ce format d’envoi n’est pas accepté',
  422: 'Ce formulaire a déjà été envoyé',
  429: 'Trop d’envois en peu de temps',
};

const backButtonHint =
  'Le bouton Retour de votre navigateur vous ramène au formulaire avec ce que vous avez saisi\u00a0: c’est le plus simple pour corriger sans tout retaper.';

const renderError = (model: ErrorPage): string => {
  const fieldErrors = model.error.errors ?? [];
  const title =
    fieldErrors.length > 0
      ? 'Quelques informations sont à corriger'
      : (errorTitles[model.status] ?? 'Votre envoi n’a pas abouti');
  const intro =
    fieldErrors.length > 0
      ? html`<p>Rien n’a été enregistré pour l’instant. ${fieldErrors.length === 1 ? 'Une information est' : `${fieldErrors.length} informations sont`} à corriger\u00a0:</p>
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
<p>Votre référence\u00a0: <span class="reference">${model.reference}</span><br>Notez-la\u00a0: elle vous sera demandée si vous nous contactez.</p>
<p>${model.handling} Un accusé de réception vous est envoyé par courriel.</p>
<h2>Et maintenant\u00a0?</h2>
<ol>
${model.nextSteps.map(
  (step) => html`<li>${step}</li>
`,
)}</ol>
<p><a href="/">Retour à l’accueil du site</a></p>`,
  );

export const renderAnswerPage = (model: AnswerPageModel): string =>
  model.kind === 'accepted' ? renderAccepted(model) : renderError(model);
