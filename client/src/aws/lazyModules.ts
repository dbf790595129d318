// Loads dist/submission.js (entry: submissionModules.ts) on first use; Node's require cache keeps it loaded.
import * as path from 'path';
import type * as SubmissionModules from './awsModules';

// A computed path, so esbuild leaves the require to run time instead of bundling the modules into client.js.
const BUNDLE = path.join(__dirname, 'submission.js');

export function submissionModules(): typeof SubmissionModules {
  return require(BUNDLE) as typeof SubmissionModules;
}

/** Whether a command has loaded the bundle (so that reading the AWS config files costs nothing more). */
export function submissionModulesLoaded(): boolean {
  return require.cache[BUNDLE] !== undefined;
}
