import * as z from 'zod';
import { DatabrainValidationError } from './DatabrainValidationError.ts';
import { filterEntriesIssues, type Issue, reportIssues } from './filterEntriesIssues.ts';
import { isPlainObject } from './isPlainObject.ts';
import { toValidationIssues } from './validate.ts';

/**
 * A date-range filter value: inclusive ISO calendar dates (`YYYY-MM-DD`).
 *
 * @example
 * ```ts
 * import type { DateRange } from '@databrain-embed/core';
 * const q1: DateRange = { startDate: '2024-01-01', endDate: '2024-03-31' };
 * ```
 */
export interface DateRange {
  startDate: string;
  endDate: string;
}

/**
 * A number-range filter value, `min` ≤ `max`.
 *
 * @example
 * ```ts
 * import type { NumberRange } from '@databrain-embed/core';
 * const amount: NumberRange = { min: 1000, max: 5000 };
 * ```
 */
export interface NumberRange {
  min: number;
  max: number;
}

/**
 * A SQL-driven filter value: DataBrain runs `sql` and filters on the values of
 * `columnName` in its result.
 *
 * @example
 * ```ts
 * import type { SqlFilter } from '@databrain-embed/core';
 * const regions: SqlFilter = { sql: 'SELECT name FROM regions WHERE active', columnName: 'name' };
 * ```
 */
export interface SqlFilter {
  sql: string;
  columnName: string;
}

/**
 * Every value form a guest-token filter accepts: a single value, a
 * multi-select list, a date range, a number range or a SQL filter. It must
 * match the data type configured for the filter in DataBrain.
 *
 * @example
 * ```ts
 * import type { FilterValue } from '@databrain-embed/core';
 * const values: Record<string, FilterValue> = { country: ['USA', 'CANADA'], active: true, minOrders: 5 };
 * ```
 */
export type FilterValue =
  | string
  | number
  | boolean
  | Array<string | number>
  | DateRange
  | NumberRange
  | SqlFilter;

/**
 * Filter name → value, as sent in `appFilters[].values` and
 * `dashboardAppFilters[].values`.
 *
 * @example
 * ```ts
 * import type { FilterValues } from '@databrain-embed/core';
 * const values: FilterValues = { region: ['EMEA'], period: { startDate: '2024-01-01', endDate: '2024-12-31' } };
 * ```
 */
export type FilterValues = Record<string, FilterValue>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FORMS =
  'must be a string, a finite number, a boolean, an array of strings and numbers, ' +
  'a date range {startDate, endDate}, a number range {min, max} or a SQL filter {sql, columnName}';

/** Whether `text` is a real calendar date written `YYYY-MM-DD`. */
function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function sameKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(value, key));
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

// Written by hand rather than as a zod union: a union reports one vague
// "invalid input", while each form here has its own rule worth naming. The
// messages describe rules only; filter values often carry tenant data.
function dateRangeIssues(value: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const { startDate, endDate } = value;
  const rule = 'must be an ISO calendar date (YYYY-MM-DD)';
  if (typeof startDate !== 'string' || !isIsoDate(startDate))
    issues.push({ path: ['startDate'], message: rule });
  if (typeof endDate !== 'string' || !isIsoDate(endDate)) issues.push({ path: ['endDate'], message: rule });
  if (issues.length === 0 && (startDate as string) > (endDate as string))
    issues.push({ path: ['startDate'], message: 'must not be after endDate' });
  return issues;
}

function numberRangeIssues(value: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  const { min, max } = value;
  if (!isFiniteNumber(min)) issues.push({ path: ['min'], message: 'must be a finite number' });
  if (!isFiniteNumber(max)) issues.push({ path: ['max'], message: 'must be a finite number' });
  if (issues.length === 0 && (min as number) > (max as number))
    issues.push({ path: ['min'], message: 'must not be greater than max' });
  return issues;
}

function sqlFilterIssues(value: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  if (!nonEmpty(value.sql)) issues.push({ path: ['sql'], message: 'must be a non-empty string' });
  if (!nonEmpty(value.columnName))
    issues.push({ path: ['columnName'], message: 'must be a non-empty string' });
  return issues;
}

/** Every rule `value` breaks as a {@link FilterValue}, with paths relative to it. */
function filterValueIssues(value: unknown): Issue[] {
  if (typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [{ path: [], message: FORMS }];
  if (Array.isArray(value)) {
    const issues: Issue[] = [];
    value.forEach((item, index) => {
      if (typeof item !== 'string' && !isFiniteNumber(item))
        issues.push({ path: [index], message: 'must be a string or a finite number' });
    });
    return issues;
  }
  if (isPlainObject(value)) {
    if (sameKeys(value, ['startDate', 'endDate'])) return dateRangeIssues(value);
    if (sameKeys(value, ['min', 'max'])) return numberRangeIssues(value);
    if (sameKeys(value, ['sql', 'columnName'])) return sqlFilterIssues(value);
  }
  return [{ path: [], message: FORMS }];
}

/** Every rule a filter-values object breaks, with paths relative to it. */
function filterValuesIssues(values: unknown): Issue[] {
  if (values === undefined) return [{ path: [], message: 'is required' }];
  if (!isPlainObject(values))
    return [{ path: [], message: 'must be an object mapping filter names to values' }];
  return filterEntriesIssues(values, filterValueIssues);
}

/**
 * Validates one {@link FilterValue} (any of the documented forms).
 *
 * @example
 * ```ts
 * import { filterValueSchema } from '@databrain-embed/core';
 * filterValueSchema.safeParse({ min: 5, max: 1 }).success; // false
 * ```
 */
export const filterValueSchema: z.ZodType<FilterValue> = z
  .custom<FilterValue>()
  .superRefine((value, ctx) => reportIssues(ctx, filterValueIssues(value)));

/**
 * Validates a filter-values object: non-empty names, each value one of the
 * {@link FilterValue} forms.
 *
 * @example
 * ```ts
 * import { filterValuesSchema } from '@databrain-embed/core';
 * filterValuesSchema.safeParse({ country: 'USA' }).success; // true
 * ```
 */
export const filterValuesSchema: z.ZodType<FilterValues> = z
  .custom<FilterValues>()
  .superRefine((values, ctx) => reportIssues(ctx, filterValuesIssues(values)));

function throwIfAny(subject: string, issues: readonly Issue[]): void {
  if (issues.length > 0) throw new DatabrainValidationError(subject, toValidationIssues(issues));
}

function toIsoDate(value: Date | string, field: 'startDate' | 'endDate', issues: Issue[]): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) {
      issues.push({ path: [field], message: 'must be a valid Date' });
      return '';
    }
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string' || !isIsoDate(value)) {
    issues.push({ path: [field], message: 'must be a Date or an ISO calendar date (YYYY-MM-DD)' });
    return '';
  }
  return value;
}

/**
 * A date-range filter value from two `Date`s or `YYYY-MM-DD` strings
 * (inclusive). A `Date` is read in UTC, so `new Date('2024-01-01')` is
 * 1 January everywhere. Throws {@link DatabrainValidationError} when a date
 * is invalid or `start` is after `end`.
 *
 * @example
 * ```ts
 * import { dateRange } from '@databrain-embed/core';
 * dateRange('2024-01-01', new Date('2024-03-31')); // { startDate: '2024-01-01', endDate: '2024-03-31' }
 * ```
 */
export function dateRange(start: Date | string, end: Date | string): DateRange {
  const issues: Issue[] = [];
  const startDate = toIsoDate(start, 'startDate', issues);
  const endDate = toIsoDate(end, 'endDate', issues);
  if (issues.length === 0 && startDate > endDate)
    issues.push({ path: ['startDate'], message: 'must not be after endDate' });
  throwIfAny('date range', issues);
  return { startDate, endDate };
}

/**
 * A number-range filter value. Both bounds must be finite and `min` ≤ `max`;
 * otherwise throws {@link DatabrainValidationError}.
 *
 * @example
 * ```ts
 * import { numberRange } from '@databrain-embed/core';
 * numberRange(1000, 5000); // { min: 1000, max: 5000 }
 * ```
 */
export function numberRange(min: number, max: number): NumberRange {
  const range = { min, max };
  throwIfAny('number range', numberRangeIssues(range));
  return range;
}

/**
 * A SQL-driven filter value. Both `sql` and `columnName` must be non-empty;
 * otherwise throws {@link DatabrainValidationError}.
 *
 * @example
 * ```ts
 * import { sqlFilter } from '@databrain-embed/core';
 * sqlFilter('SELECT name FROM regions WHERE active', 'name');
 * ```
 */
export function sqlFilter(sql: string, columnName: string): SqlFilter {
  const filter = { sql, columnName };
  throwIfAny('SQL filter', sqlFilterIssues(filter));
  return filter;
}
