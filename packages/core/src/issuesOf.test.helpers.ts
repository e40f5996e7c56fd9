import { DatabrainValidationError, type ValidationIssue } from './DatabrainValidationError.ts';

/** Runs `run`, which must throw a validation error, and returns its issues. */
export function issuesOf(run: () => unknown): ValidationIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof DatabrainValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a DatabrainValidationError');
}
