import type { FilterReport } from './filterRows.ts';

/**
 * The expiry line of a preview card: `never expires`, `expires in 42s`
 * (rounded up, so it never shows 0 while still valid) or `expired`.
 *
 * @example
 * ```ts
 * import { formatExpiry } from '@databrain-embed/emulator/elements';
 * formatExpiry(41_200); // 'expires in 42s'
 * ```
 */
export function formatExpiry(remainingMs: number | null): string {
  if (remainingMs === null) return 'never expires';
  if (remainingMs <= 0) return 'expired';
  return `expires in ${Math.ceil(remainingMs / 1000)}s`;
}

/**
 * Splits a token's permissions into granted and denied names.
 *
 * @example
 * ```ts
 * import { describePermissions } from '@databrain-embed/emulator/elements';
 * describePermissions({ isShowSideBar: true, isEnableUnderlyingData: false });
 * // 'granted: isShowSideBar · denied: isEnableUnderlyingData'
 * ```
 */
export function describePermissions(permissions: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(permissions);
  if (entries.length === 0) return 'none set (DataBrain defaults)';
  const granted = entries.filter(([, value]) => value === true).map(([name]) => name);
  const denied = entries.filter(([, value]) => value !== true).map(([name]) => name);
  return `granted: ${granted.join(', ') || '—'} · denied: ${denied.join(', ') || '—'}`;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.startDate === 'string' && typeof record.endDate === 'string') {
      return `${record.startDate} → ${record.endDate}`;
    }
    if ('min' in record || 'max' in record)
      return `${String(record.min ?? '−∞')} … ${String(record.max ?? '∞')}`;
    if (typeof record.sql === 'string') return 'SQL';
  }
  return JSON.stringify(value);
}

const STATUS_TEXT: Readonly<Record<FilterReport['status'], string>> = {
  applied: 'applied',
  sql: 'SQL filter, not run by the emulator',
  'no-column': 'no such column, not applied',
  unsupported: 'value does not fit the column, not applied',
};

/**
 * One line describing a filter and what the emulator did with it.
 *
 * @example
 * ```ts
 * import { describeFilter } from '@databrain-embed/emulator/elements';
 * describeFilter({ source: 'appFilters', target: 'revenue', name: 'country', value: 'USA', status: 'applied' });
 * // 'appFilters · country = "USA" (applied)'
 * ```
 */
export function describeFilter(report: FilterReport): string {
  const url =
    report.isShowOnUrl === false ? ', hidden from URL' : report.isShowOnUrl === true ? ', shown on URL' : '';
  return `${report.source} · ${report.name} = ${formatValue(report.value)} (${STATUS_TEXT[report.status]}${url})`;
}

/**
 * Parses a JSON attribute; bad JSON gives `undefined` instead of an uncaught
 * error (DataBrain's own elements throw there).
 *
 * @example
 * ```ts
 * import { parseJsonAttribute } from '@databrain-embed/emulator/elements';
 * parseJsonAttribute('{"a":1}'); // { a: 1 }
 * parseJsonAttribute('not json'); // undefined
 * ```
 */
export function parseJsonAttribute(text: string | null): unknown {
  if (text === null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
