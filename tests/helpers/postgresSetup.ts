import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * vitest's global setup: a running PostgreSQL for the tests of the PostgreSQL store and the
 * multi-node suite. TEST_DATABASE_URL names one (a role that may create databases); without it
 * scripts/postgres-up.sh starts this machine's cluster (installing it when missing) and makes
 * the role. Nothing is skipped: when PostgreSQL cannot be had, this fails and so does the run.
 */
export default function setup(project: TestProject): void {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const script = path.resolve(import.meta.dirname, '../../scripts/postgres-up.sh');
    url = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  }
  project.provide('postgresUrl', url);
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
