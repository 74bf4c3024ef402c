import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};

describe('the AWS SDK in the bundles', () => {
  it('comes in a single version of each @aws-sdk package', () => {
    const versions = new Map<string, Set<string>>();
    for (const [path, entry] of Object.entries(lock.packages)) {
      const name = path.split('node_modules/').pop() ?? '';
      if (!name.startsWith('@aws-sdk/') || !entry.version) continue;
      versions.set(name, (versions.get(name) ?? new Set()).add(entry.version));
    }

    const duplicated = [...versions]
      .filter(([, set]) => set.size > 1)
      .map(([name, set]) => `${name}: ${[...set]}`);
    expect(versions.size).toBeGreaterThan(0);
    expect(duplicated).toEqual([]);
  });

  it('pins every direct @aws-sdk client to the same exact version', () => {
    const pinned = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@aws-sdk/'));

    expect(pinned.length).toBeGreaterThan(0);
    expect(new Set(pinned.map(([, version]) => version)).size).toBe(1);
    for (const [, version] of pinned) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the Node.js the project runs on', () => {
  it('comes with the project: the `node` package of the 24 line, locked, so npm runs it on any machine', () => {
    expect(manifest.devDependencies.node).toMatch(/^\^24\.\d+\.\d+$/);
    expect(lock.packages['node_modules/node']?.version).toMatch(/^24\./);
  });

  it('says the same to those who manage Node.js themselves (.nvmrc, engines)', () => {
    expect(readFileSync(new URL('../../.nvmrc', import.meta.url), 'utf8').trim()).toBe('24');
    expect(manifest.engines.node).toBe('>=24');
  });
});
