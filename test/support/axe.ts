import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * axe-core injected as a script tag into a real page (no wrapper package needed), every rule of
 * its default run: WCAG 2.0/2.1 A and AA, plus its best practices. The page's context must bypass
 * the site's Content-Security-Policy, which rightly refuses an inline script.
 */
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe.run();
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map(({ target, html, failureSummary }) => ({ target, html, failureSummary })),
    }));
  });
};

/** One paragraph per violation, each failing element with its selector and what axe says to fix. */
export const formatViolations = (where: string, violations: AxeViolation[]): string =>
  violations
    .map(
      (violation) =>
        `${where} — ${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n` +
        violation.nodes
          .map((node) => `  • ${node.target.join(' ')}\n    ${node.html}\n    ${node.failureSummary ?? ''}`)
          .join('\n'),
    )
    .join('\n\n');
