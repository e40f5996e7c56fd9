import { DatabrainError, type DatabrainErrorOptions } from './DatabrainError.ts';

/**
 * One problem found in an input: where (`path`, e.g.
 * `params.appFilters[0].values.country`) and which rule it broke.
 *
 * @example
 * ```ts
 * import type { ValidationIssue } from '@databrain-embed/core';
 * const issue: ValidationIssue = { path: 'clientId', message: 'must be a non-empty string' };
 * ```
 */
export interface ValidationIssue {
  /** Dotted path to the offending field; `''` for the input itself. */
  readonly path: string;
  /** The rule that was broken. Never contains the field's value. */
  readonly message: string;
}

/**
 * How many issues the message lists; `issues` always holds every one. A
 * hundred thousand bad filters must not make a message of megabytes that
 * every log line would carry.
 */
const MESSAGE_ISSUE_LIMIT = 20;

// Paths hold the input's own keys (filter names), which can be of any length.
const MESSAGE_PATH_LIMIT = 200;

function shortened(path: string): string {
  return path.length > MESSAGE_PATH_LIMIT ? `${path.slice(0, MESSAGE_PATH_LIMIT)}…` : path;
}

/**
 * Thrown when an input is rejected before any request is made. `issues` lists
 * every problem with its path; the message names the first 20, then says how
 * many more there are.
 *
 * @example
 * ```ts
 * import { buildGuestTokenRequest, DatabrainValidationError } from '@databrain-embed/core';
 * try {
 *   buildGuestTokenRequest({ clientId: '', dataAppName: 'sales' });
 * } catch (error) {
 *   if (error instanceof DatabrainValidationError) console.log(error.issues);
 *   // [{ path: 'clientId', message: 'must be a non-empty string' }]
 * }
 * ```
 */
export class DatabrainValidationError extends DatabrainError {
  /** Every problem found, in input order. */
  readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[], options: DatabrainErrorOptions = {}) {
    const shown = issues.slice(0, MESSAGE_ISSUE_LIMIT);
    const lines = shown.map((issue) => `  - ${shortened(issue.path) || '(root)'}: ${issue.message}`);
    const more = issues.length - shown.length;
    if (more > 0) lines.push(`  … and ${more} more (see the error's issues)`);
    super('VALIDATION_ERROR', `Invalid ${subject}:\n${lines.join('\n')}`, options);
    this.name = 'DatabrainValidationError';
    this.issues = issues;
  }

  override toJSON(): { name: string; code: 'VALIDATION_ERROR'; message: string; issues: ValidationIssue[] } {
    return { name: this.name, code: 'VALIDATION_ERROR', message: this.message, issues: [...this.issues] };
  }
}
