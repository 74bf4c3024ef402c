import { buildApp } from './build-app.ts';

// Entry point of the CDK CLI (cdk.json: "node infra/app.ts"): settings come from cdk.json's `alize` context.
try {
  buildApp();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
