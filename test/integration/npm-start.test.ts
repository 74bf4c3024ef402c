import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** What a developer does: start the local cloud, use it, press Ctrl-C, start it again. */

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const dataDir = mkdtempSync(join(tmpdir(), 'alize-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const start = async (ports: { front: number; dynamodb: number; ses: number; issuer: number }) => {
  const child = spawn(process.execPath, ['infra/local/start.ts'], {
    env: {
      ...process.env,
      ALIZE_PORT: String(ports.front),
      ALIZE_DYNAMODB_PORT: String(ports.dynamodb),
      ALIZE_SES_PORT: String(ports.ses),
      ALIZE_ISSUER_PORT: String(ports.issuer),
      ALIZE_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Ctrl-C')) {
        clearInterval(timer);
        resolve();
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start exited early:\n${output}`));
      }
    }, 50);
  });
  return { child, output: () => output };
};

/** What `npm run -s token -- <address>` prints, for this test's data folder and issuer port. */
const tokenFor = async (email: string, issuerPort: number) => {
  const child = spawn(process.execPath, ['infra/local/token.ts', email], {
    env: { ...process.env, ALIZE_DATA_DIR: dataDir, ALIZE_ISSUER_PORT: String(issuerPort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
  return output.trim();
};

const staffSession = (frontPort: number, token: string) =>
  fetch(`http://localhost:${frontPort}/api/staff/me`, { headers: { authorization: `Bearer ${token}` } });

const interrupt = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });

describe('npm start', () => {
  it('runs the project’s own Node.js 24, whatever node the machine puts first on its PATH', async () => {
    // Given the machine's PATH, without the folder npm itself adds for the project's scripts
    const machinePath = (process.env.PATH ?? '')
      .split(':')
      .filter((folder) => !folder.includes('node_modules/.bin'))
      .join(':');

    // When npm runs a command for the project, as it runs `npm start` and `npm test`
    const child = spawn('npm', ['exec', '--offline', '--', 'node', '-p', 'process.versions.node'], {
      env: { ...process.env, PATH: machinePath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));

    // Then that command's node is the project's Node.js 24
    expect(code).toBe(0);
    expect(output.trim()).toMatch(/^24\.\d+\.\d+$/);
  });

  it('serves the catalogue, stops cleanly on Ctrl-C and keeps its data for the next start', async () => {
    const ports = {
      front: await freePort(),
      dynamodb: await freePort(),
      ses: await freePort(),
      issuer: await freePort(),
    };

    // Given a first start on an empty data folder
    const first = await start(ports);
    expect(first.output()).toContain('40 compétences de démonstration ajoutées');
    expect(first.output()).toContain(`http://localhost:${ports.front}`);
    expect(first.output()).toContain(`Alizé tourne en local (Node.js ${process.versions.node})`);
    const catalogue = await fetch(`http://localhost:${ports.front}/api/catalogue?network=indre`);
    expect(((await catalogue.json()) as { competences: unknown[] }).competences).toHaveLength(32);
    // And `npm run token` signs with the key the running issuer keeps in the data folder
    const token = await tokenFor('claire.bernard@initiative-indre.example.org', ports.issuer);
    expect((await staffSession(ports.front, token)).status).toBe(200);

    // When the developer presses Ctrl-C
    const exitCode = await interrupt(first.child);

    // Then everything stopped and every port is free again
    expect(exitCode).toBe(0);
    expect(first.output()).toContain('Tout est arrêté.');
    for (const port of Object.values(ports)) expect(await portIsFree(port)).toBe(true);

    // And a second start finds the data where it was, without seeding again
    const second = await start(ports);
    expect(second.output()).not.toContain('compétences de démonstration ajoutées');
    const again = await fetch(`http://localhost:${ports.front}/api/catalogue?network=indre`);
    expect(((await again.json()) as { competences: unknown[] }).competences).toHaveLength(32);
    // And the issuer's key with it: the token minted before the restart is still accepted
    expect((await staffSession(ports.front, token)).status).toBe(200);
    expect(await interrupt(second.child)).toBe(0);
  });

  it('says which variable to change when a port is taken', async () => {
    const busy = createServer();
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    );
    try {
      const child = spawn(process.execPath, ['infra/local/start.ts'], {
        env: {
          ...process.env,
          ALIZE_PORT: '0',
          ALIZE_DYNAMODB_PORT: String(port),
          ALIZE_SES_PORT: '0',
          ALIZE_ISSUER_PORT: '0',
          ALIZE_DATA_DIR: dataDir,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      const code = await new Promise((resolve) => child.once('exit', resolve));

      expect(code).toBe(1);
      expect(output).toContain(`Le port ${port} est déjà pris`);
      expect(output).toContain('ALIZE_DYNAMODB_PORT');
      expect(output).not.toContain('ALIZE_SES_PORT');
    } finally {
      busy.close();
    }
  });
});
