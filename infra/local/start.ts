import { join } from 'node:path';
import { backOfficePath } from '../../shared/staff.ts';
import { startLocalCloud } from './cloud.ts';

/**
 * `npm start`: the whole system on this machine, data kept in .local/ across restarts,
 * everything stopped on Ctrl-C. Ports can be moved with the variables below.
 */
const port = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name} doit être un numéro de port (reçu\u00a0: ${raw}).`);
    process.exit(2);
  }
  return value;
};

const repoRoot = new URL('../../', import.meta.url).pathname;
const time = () => new Date().toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' });

const ports = {
  ALIZE_PORT: port('ALIZE_PORT', 4321),
  ALIZE_DYNAMODB_PORT: port('ALIZE_DYNAMODB_PORT', 8000),
  ALIZE_SES_PORT: port('ALIZE_SES_PORT', 8005),
  ALIZE_ISSUER_PORT: port('ALIZE_ISSUER_PORT', 4568),
};

const cloud = await startLocalCloud({
  ports: {
    front: ports.ALIZE_PORT,
    dynamodb: ports.ALIZE_DYNAMODB_PORT,
    ses: ports.ALIZE_SES_PORT,
    issuer: ports.ALIZE_ISSUER_PORT,
  },
  dataDir: process.env.ALIZE_DATA_DIR ?? join(repoRoot, '.local'),
  // `npm run dev:site` serves the pages on its own port (site/astro.config.mjs): its callback is accepted too.
  extraSiteOrigins: ['http://localhost:4322'],
  log: (line) => console.log(`[${time()}] ${line}`),
}).catch((error: Error & { code?: string; port?: number }) => {
  if (error.code === 'EADDRINUSE') {
    const variable = Object.entries(ports).find(([, value]) => value === error.port)?.[0] ?? 'ALIZE_PORT';
    console.error(
      `Le port ${error.port} est déjà pris. Choisissez-en un autre avec ${variable}, par exemple ${variable}=${(error.port ?? 4321) + 1} npm start.`,
    );
  } else {
    console.error(`Le démarrage a échoué\u00a0: ${error.stack}`);
  }
  process.exit(1);
});

console.log(`
Alizé tourne en local (Node.js ${process.versions.node}).
  Site et API       ${cloud.urls.site}   (catalogue\u00a0: ${cloud.urls.api}/catalogue)
  Espace équipe     ${cloud.urls.site}${backOfficePath}   (connexion\u00a0: ${cloud.urls.issuer})
  Courriels (SES)   ${cloud.urls.mailViewer}
  DynamoDB          ${cloud.urls.dynamodb}
Ctrl-C pour tout arrêter.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nArrêt en cours…');
  await cloud.stop();
  console.log('Tout est arrêté.');
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
