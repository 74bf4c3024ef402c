import { html, SafeHtml } from '../../shared/html.ts';
import { siteName } from '../../shared/site.ts';

/**
 * The pages of the local issuer: what Cognito's managed login shows in AWS (an address, then the
 * code sent to it), in French, plain HTML with no script, in the site's colours. Every form posts to
 * the issuer itself; nothing here says whether an address has an account.
 */

const styles =
  new SafeHtml(`body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.6;color:#1b1b1b;background:#eef4fa;margin:0}
.wrap{max-width:30rem;margin:0 auto;padding:0 1rem}
header{background:#fff;border-bottom:4px solid #0b4f8a;padding:.75rem 0}
.brand{margin:0;color:#0b4f8a;font-size:1.5rem;font-weight:700}
.brand span{display:block;color:#4b4b4b;font-size:1rem;font-weight:400}
main{display:block;padding:1.5rem 0 3rem}
.card{background:#fff;border:1px solid #767676;border-radius:.375rem;padding:1rem 1.25rem 1.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
label{display:block;font-weight:700;margin:1rem 0 .25rem}
.hint{margin:.25rem 0;color:#4b4b4b;font-size:.95rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem .6rem;border:2px solid #4b4b4b;border-radius:.375rem}
input[aria-invalid="true"]{border-color:#a4161a}
button{font:inherit;font-weight:700;margin-top:1.25rem;padding:.6rem 1.1rem;border:2px solid #0b4f8a;border-radius:.375rem;background:#0b4f8a;color:#fff;cursor:pointer}
button:hover{background:#083b67}
a{color:#0b4f8a}
a:focus,input:focus,button:focus{outline:3px solid #0b4f8a;outline-offset:2px}
.error{border-left:4px solid #a4161a;background:#fdf0f0;padding:.5rem .75rem;margin:1rem 0}
.note{color:#4b4b4b;font-size:.95rem;margin-top:1.5rem}
footer{color:#4b4b4b;font-size:.9rem;padding:0 0 2rem}`);

const frame = (title: string, body: SafeHtml): string =>
  html`<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} – Espace équipe ${siteName}</title>
<style>${styles}</style>
</head>
<body>
<header>
<div class="wrap">
<p class="brand">${siteName}<span>Espace équipe</span></p>
</div>
</header>
<main>
<div class="wrap">
<div class="card">
${body}
</div>
</div>
</main>
<footer>
<div class="wrap">
<p>Connexion locale de démonstration&nbsp;: elle remplace, sur cet ordinateur, la page de connexion d’Amazon Cognito.</p>
</div>
</footer>
</body>
</html>
`.value;

export interface EmailPageModel {
  request: string;
  email?: string;
  error?: string;
  mailViewer?: string;
}

export const emailPage = (model: EmailPageModel): string =>
  frame(
    'Connexion',
    html`<h1>Connexion à l’espace équipe</h1>
<p>Saisissez l’adresse électronique de votre compte&nbsp;: nous vous enverrons un code de connexion à 6&nbsp;chiffres.</p>
${model.error ? html`<p class="error" id="adresse-erreur">${model.error}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="demande" value="${model.request}">
<label for="adresse">Adresse électronique</label>
<input id="adresse" name="email" type="email" autocomplete="email" spellcheck="false" required autofocus value="${model.email ?? ''}"${model.error ? new SafeHtml(' aria-invalid="true" aria-describedby="adresse-erreur"') : ''}>
<button type="submit">Recevoir un code</button>
</form>
${
  model.mailViewer
    ? html`<p class="note">Sur cet ordinateur, le code arrive dans la boîte des courriels locaux&nbsp;: <a href="${model.mailViewer}">${model.mailViewer}</a>.</p>`
    : ''
}`,
  );

export interface CodePageModel {
  request: string;
  email: string;
  codeMinutes: number;
  error?: string;
}

export const codePage = (model: CodePageModel): string =>
  frame(
    'Code de connexion',
    html`<h1>Saisissez votre code</h1>
<p>Si l’adresse <strong>${model.email}</strong> est celle d’un compte de l’espace équipe, un code à 6&nbsp;chiffres vient d’y être envoyé. Il est valable ${model.codeMinutes}&nbsp;minutes.</p>
${model.error ? html`<p class="error" id="code-erreur">${model.error}</p>` : ''}
<form method="post" action="/login/code">
<input type="hidden" name="demande" value="${model.request}">
<label for="code">Code reçu par courriel</label>
<p class="hint" id="code-aide">6&nbsp;chiffres, sans espace.</p>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required autofocus aria-describedby="${model.error ? 'code-erreur code-aide' : 'code-aide'}"${model.error ? new SafeHtml(' aria-invalid="true"') : ''}>
<button type="submit">Se connecter</button>
</form>
<p class="note"><a href="/login?demande=${encodeURIComponent(model.request)}">Changer d’adresse ou recevoir un nouveau code</a></p>`,
  );

export interface ProblemPageModel {
  title: string;
  message: string;
  /** Where to start again: the back office, when the client is known. */
  restartUrl?: string;
}

export const problemPage = (model: ProblemPageModel): string =>
  frame(
    model.title,
    html`<h1>${model.title}</h1>
<p>${model.message}</p>
${model.restartUrl ? html`<p><a href="${model.restartUrl}">Revenir à l’espace équipe</a></p>` : ''}`,
  );
