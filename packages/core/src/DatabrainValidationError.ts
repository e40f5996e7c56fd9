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
 * Thrown when an input is rejected before any request is made. `issues` lists
 * every problem with its path; the message names them all.
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
    const list = issues.map((issue) => `  - ${issue.path || '(root)'}: ${issue.message}`).join('\n');
    super('VALIDATION_ERROR', `Invalid ${subject}:\n${list}`, options);
    this.name = 'DatabrainValidationError';
    this.issues = issues;
  }

  override toJSON(): { name: string; code: 'VALIDATION_ERROR'; message: string; issues: ValidationIssue[] } {
    return { name: this.name, code: 'VALIDATION_ERROR', message: this.message, issues: [...this.issues] };
  }
}
