import type { StoryGrant } from './grantForPersona.ts';

/** One line of the panel's claims list: a label and its text. */
export interface GrantLine {
  readonly label: string;
  readonly text: string;
}

const lifetime = (expiresIn: StoryGrant['expiresIn']): string =>
  expiresIn === undefined
    ? '1h (default)'
    : typeof expiresIn === 'number'
      ? `${expiresIn} ms`
      : JSON.stringify(expiresIn);

/**
 * The claims of a grant as the DataBrain panel lists them: tenant, each
 * filter with its target, the other params, permissions granted and denied,
 * and the lifetime asked for.
 *
 * @example
 * ```ts
 * formatGrant({ clientId: 'acme', permissions: { isShowSideBar: false } });
 * // [{ label: 'tenant (clientId)', text: 'acme' }, { label: 'filters', text: 'none' }, …]
 * ```
 */
export function formatGrant(grant: StoryGrant): GrantLine[] {
  const { params = {}, permissions = {} } = grant;
  const filters = [
    ...(params.appFilters ?? []).map(
      (filter) => `appFilters · ${filter.metricId} · ${JSON.stringify(filter.values)}`,
    ),
    ...(params.dashboardAppFilters ?? []).map(
      (filter) => `dashboardAppFilters · ${filter.dashboardId} · ${JSON.stringify(filter.values)}`,
    ),
  ];
  const entries = Object.entries(permissions);
  const lines: GrantLine[] = [
    { label: 'tenant (clientId)', text: grant.clientId },
    { label: 'filters', text: filters.length ? filters.join('\n') : 'none' },
    {
      label: 'permissions granted',
      text:
        entries
          .filter(([, on]) => on)
          .map(([key]) => key)
          .join(', ') || '—',
    },
    {
      label: 'permissions denied',
      text:
        entries
          .filter(([, on]) => !on)
          .map(([key]) => key)
          .join(', ') || '—',
    },
    { label: 'lifetime', text: lifetime(grant.expiresIn) },
  ];
  if (params.userIdentifier) lines.push({ label: 'userIdentifier', text: params.userIdentifier });
  if (params.hideDashboardFilters?.length)
    lines.push({ label: 'hidden dashboard filters', text: params.hideDashboardFilters.join(', ') });
  if (params.allowedEmbeds?.length)
    lines.push({ label: 'allowed embeds', text: params.allowedEmbeds.join(', ') });
  return lines;
}

/**
 * Time left until `expiresAt`, as the panel counts it down: `59m 12s`,
 * `8s`, `expired`, or `never expires`.
 *
 * @example
 * ```ts
 * formatTimeLeft(Date.now() + 75_000, Date.now()); // '1m 15s'
 * ```
 */
export function formatTimeLeft(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'never expires';
  const seconds = Math.ceil((expiresAt - now) / 1000);
  if (seconds <= 0) return 'expired';
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h ${minutes}m`;
  return minutes > 0 ? `${minutes}m ${rest}s` : `${rest}s`;
}
