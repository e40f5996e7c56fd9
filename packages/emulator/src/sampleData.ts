/**
 * One row of the emulator's built-in sample table.
 *
 * @example
 * ```ts
 * import type { SampleRow } from '@databrain-embed/emulator';
 * const row: SampleRow = { tenant: 'acme', region: 'EMEA', country: 'Germany', product: 'Analytics',
 *   amount: 1200, date: '2024-01-15', recurring: true };
 * ```
 */
// A type rather than an interface, so that a sample row is also an `EmulatorRow`.
export type SampleRow = {
  readonly tenant: string;
  readonly region: string;
  readonly country: string;
  readonly product: string;
  readonly amount: number;
  readonly date: string;
  readonly recurring: boolean;
};

/**
 * The columns of {@link SAMPLE_ROWS}, in display order. A guest-token filter
 * whose name equals a column name is applied to that column.
 *
 * @example
 * ```ts
 * import { SAMPLE_COLUMNS } from '@databrain-embed/emulator';
 * SAMPLE_COLUMNS.includes('country'); // true
 * ```
 */
export const SAMPLE_COLUMNS: readonly (keyof SampleRow)[] = [
  'tenant',
  'region',
  'country',
  'product',
  'amount',
  'date',
  'recurring',
];

/**
 * The small table every preview embed serves: three tenants (`acme`,
 * `globex`, `initech`), four rows each.
 *
 * @example
 * ```ts
 * import { SAMPLE_ROWS } from '@databrain-embed/emulator';
 * SAMPLE_ROWS.filter((row) => row.tenant === 'acme').length; // 4
 * ```
 */
export const SAMPLE_ROWS: readonly SampleRow[] = [
  {
    tenant: 'acme',
    region: 'EMEA',
    country: 'Germany',
    product: 'Analytics',
    amount: 1200,
    date: '2024-01-15',
    recurring: true,
  },
  {
    tenant: 'acme',
    region: 'EMEA',
    country: 'France',
    product: 'Reports',
    amount: 450,
    date: '2024-02-03',
    recurring: false,
  },
  {
    tenant: 'acme',
    region: 'NA',
    country: 'USA',
    product: 'Analytics',
    amount: 3100,
    date: '2024-03-22',
    recurring: true,
  },
  {
    tenant: 'acme',
    region: 'APAC',
    country: 'Japan',
    product: 'Alerts',
    amount: 780,
    date: '2024-04-09',
    recurring: false,
  },
  {
    tenant: 'globex',
    region: 'NA',
    country: 'USA',
    product: 'Reports',
    amount: 2250,
    date: '2024-01-28',
    recurring: true,
  },
  {
    tenant: 'globex',
    region: 'NA',
    country: 'Canada',
    product: 'Analytics',
    amount: 1600,
    date: '2024-02-14',
    recurring: true,
  },
  {
    tenant: 'globex',
    region: 'EMEA',
    country: 'Spain',
    product: 'Alerts',
    amount: 320,
    date: '2024-03-05',
    recurring: false,
  },
  {
    tenant: 'globex',
    region: 'LATAM',
    country: 'Brazil',
    product: 'Reports',
    amount: 990,
    date: '2024-05-19',
    recurring: false,
  },
  {
    tenant: 'initech',
    region: 'NA',
    country: 'USA',
    product: 'Alerts',
    amount: 540,
    date: '2024-01-07',
    recurring: false,
  },
  {
    tenant: 'initech',
    region: 'APAC',
    country: 'India',
    product: 'Analytics',
    amount: 2800,
    date: '2024-02-26',
    recurring: true,
  },
  {
    tenant: 'initech',
    region: 'EMEA',
    country: 'Germany',
    product: 'Reports',
    amount: 1350,
    date: '2024-04-17',
    recurring: true,
  },
  {
    tenant: 'initech',
    region: 'NA',
    country: 'Canada',
    product: 'Analytics',
    amount: 4100,
    date: '2024-06-02',
    recurring: false,
  },
];
