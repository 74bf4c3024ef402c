import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, synthTimeoutMs, type TestApp } from './test-app.ts';

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly path: string;
}

interface Finding {
  readonly rule: string;
  readonly path: string;
}

const packs = (): NagPack[] => [new AwsSolutionsChecks(), new ServerlessChecks()];

const findings = (scope: IConstruct, pack: NagPack): Finding[] =>
  pack.validateScope(scope).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: violation.ruleName,
      path: resource.constructPath ?? '?',
    })),
  );

/** Every `Validations.of(x).acknowledge(...)` in the tree, read back from construct metadata. */
const acknowledgements = (root: IConstruct): Acknowledgement[] =>
  root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([qualifiedId, reason]) => ({
          // CDK stores ids qualified (`Annotation::AwsSolutions-L1`); cdk-nag compares them unqualified.
          id: qualifiedId.replace(/^[A-Za-z]+::/, ''),
          reason,
          path: construct.node.path,
        })),
      ),
  );

const covers = (acknowledgement: Acknowledgement, finding: Finding) =>
  acknowledgement.id === finding.rule &&
  (finding.path === acknowledgement.path || finding.path.startsWith(`${acknowledgement.path}/`));

describe('cdk-nag (AwsSolutions and Serverless packs)', () => {
  let built: TestApp;

  beforeAll(() => {
    // Given the whole app
    built = buildTestApp({ registerNag: false });
  }, synthTimeoutMs);

  afterAll(() => built?.dispose());

  it('leaves no finding unacknowledged', () => {
    // When both packs check every resource
    const unacknowledged = packs().flatMap((pack) => findings(built.app, pack));

    // Then nothing is left: each entry below is a finding to fix, or to acknowledge with a reason
    expect(unacknowledged.map((finding) => `${finding.rule} at ${finding.path}`)).toEqual([]);
  });

  it('gives every acknowledgement a reason a reviewer can weigh', () => {
    // When reading back the acknowledgements
    const all = acknowledgements(built.app);

    // Then there are some, and each says why in a sentence rather than a word
    expect(all.length).toBeGreaterThan(0);
    const terse = all.filter((acknowledgement) => acknowledgement.reason.trim().length < 20);
    expect(terse.map((a) => `${a.id} at ${a.path}: "${a.reason}"`)).toEqual([]);
  });

  it('acknowledges only findings that exist (no stale acknowledgement)', () => {
    // When both packs run with acknowledgements ignored (cdk-nag 3 has no switch for it: its private
    // `isAcknowledged` is replaced on the instance, and the test fails loudly if that method disappears)
    const raw = packs().flatMap((pack) => {
      const internals = pack as unknown as { isAcknowledged?: unknown };
      expect(typeof internals.isAcknowledged).toBe('function');
      internals.isAcknowledged = () => false;
      return findings(built.app, pack);
    });

    // Then each acknowledgement silences at least one real finding on its construct or below
    const stale = acknowledgements(built.app).filter(
      (acknowledgement) => !raw.some((finding) => covers(acknowledgement, finding)),
    );
    expect(stale.map((a) => `${a.id} at ${a.path}`)).toEqual([]);
  });
});
