import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuiltApp, buildApp } from '../../infra/build-app.ts';
import { readSettingsFile } from '../../infra/config.ts';

/**
 * Synthesis bundles every function with esbuild (a few tenths of a second each, two dozen of them):
 * on a busy two-core machine that can outlast vitest's default hook timeout.
 */
export const synthTimeoutMs = 180_000;

export interface TestApp extends BuiltApp {
  /** Removes the throwaway site directory. */
  readonly dispose: () => void;
}

/**
 * The real app, built from cdk.json's settings, with a throwaway two-page site instead of site/dist,
 * so the infra tests neither need nor wait for the Astro build.
 */
export const buildTestApp = (options: { registerNag?: boolean } = {}): TestApp => {
  const siteAssetsDir = mkdtempSync(join(tmpdir(), 'alize-site-'));
  writeFileSync(join(siteAssetsDir, 'index.html'), '<!doctype html><title>Alizé</title>');
  writeFileSync(join(siteAssetsDir, '404.html'), '<!doctype html><title>Page introuvable</title>');
  const built = buildApp({ settings: readSettingsFile(), siteAssetsDir, registerNag: options.registerNag });
  return { ...built, dispose: () => rmSync(siteAssetsDir, { recursive: true, force: true }) };
};
