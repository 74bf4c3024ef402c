import { join } from 'node:path';
import { loadOrCreateIssuerKeys } from './issuer-keys.ts';
import { accessTokenClaims, localClientId, localIssuerUrl, signToken } from './issuer-tokens.ts';
import { findStaffAccount, staffAccounts } from './staff-accounts.ts';

/**
 * `npm run token -- <adresse>`: an access token of a seeded staff account, signed with the local
 * issuer's key (created if it is missing), for scripts and curl:
 *
 *   curl -H "Authorization: Bearer $(npm run -s token -- claire.bernard@initiative-indre.example.org)" \
 *     http://localhost:4321/api/staff/me
 *
 * It is the token the local issuer would give after a sign-in, whether or not `npm start` runs, as
 * long as both use the same data folder (ALIZE_DATA_DIR) and issuer port (ALIZE_ISSUER_PORT).
 */
const repoRoot = new URL('../../', import.meta.url).pathname;
const email = process.argv[2];
const account = email ? findStaffAccount(email) : undefined;
if (!account) {
  console.error(
    `${email ? `Aucun compte de l’espace équipe local pour «\u00a0${email}\u00a0».` : 'Indiquez l’adresse d’un compte.'} Comptes de démonstration\u00a0:\n${staffAccounts.map((known) => `  ${known.email} (${known.groups.join(', ')})`).join('\n')}\nExemple\u00a0: npm run -s token -- ${staffAccounts[0]?.email}`,
  );
  process.exit(2);
}

const rawPort = process.env.ALIZE_ISSUER_PORT ?? '4568';
const port = Number(rawPort);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`ALIZE_ISSUER_PORT doit être un numéro de port (reçu\u00a0: ${rawPort}).`);
  process.exit(2);
}

const dataDir = process.env.ALIZE_DATA_DIR ?? join(repoRoot, '.local');
const keys = await loadOrCreateIssuerKeys(join(dataDir, 'issuer'));
const token = await signToken(
  keys,
  accessTokenClaims(account, { issuer: localIssuerUrl(port), clientId: localClientId }),
);
process.stdout.write(`${token}\n`);
