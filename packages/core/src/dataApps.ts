import * as z from 'zod';
import { PAGINATION_FIELDS, toQueryRecord } from './listQuery.ts';
import { plainData } from './plainData.ts';
import { validate } from './validate.ts';

/**
 * One embed in a data app, as `GET /api/v2/data-app` lists it. `embedId` is
 * what the front end passes as `dashboard-id` or `metric-id`.
 *
 * @example
 * ```ts
 * import type { DataAppEmbed } from '@databrain-embed/core';
 * const embed: DataAppEmbed = { name: 'Sales', embedId: 'c2b1…', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-02T00:00:00Z' };
 * ```
 */
export interface DataAppEmbed {
  name: string;
  embedId: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * A data app, as `GET /api/v2/data-app` lists it.
 *
 * @example
 * ```ts
 * import type { DataApp } from '@databrain-embed/core';
 * function embedIds(app: DataApp): string[] {
 *   return app.embeds.map((embed) => embed.embedId);
 * }
 * ```
 */
export interface DataApp {
  name: string;
  type: 'embedded';
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  embedCount: number;
  embeds: DataAppEmbed[];
}

/**
 * Success body of `GET /api/v2/data-app`.
 *
 * @example
 * ```ts
 * import type { ListDataAppsResponse } from '@databrain-embed/core';
 * const response: ListDataAppsResponse = { data: [] };
 * ```
 */
export interface ListDataAppsResponse {
  data: DataApp[];
}

/**
 * Query of `GET /api/v2/data-app`. With `isPagination`, DataBrain answers ten
 * data apps per page; `pageNumber` counts from 1.
 *
 * @example
 * ```ts
 * import type { ListDataAppsQuery } from '@databrain-embed/core';
 * const query: ListDataAppsQuery = { isPagination: true, pageNumber: 2 };
 * ```
 */
export interface ListDataAppsQuery {
  isPagination?: boolean;
  pageNumber?: number;
}

const listDataAppsQuerySchema = plainData(
  z.strictObject({
    ...PAGINATION_FIELDS,
  }),
);

/**
 * Validates a {@link ListDataAppsQuery} and turns it into the string record
 * DataBrain expects, ready for `URLSearchParams`. Absent fields are left out.
 * Throws a `DatabrainValidationError` for a non-boolean `isPagination` or a
 * `pageNumber` that is not a positive integer.
 *
 * @example
 * ```ts
 * import { buildListDataAppsQuery, DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
 * const query = new URLSearchParams(buildListDataAppsQuery({ isPagination: true, pageNumber: 2 }));
 * const path = `${DATABRAIN_ENDPOINTS.dataApps}?${query}`; // …?isPagination=true&pageNumber=2
 * ```
 */
export function buildListDataAppsQuery(query: ListDataAppsQuery = {}): Record<string, string> {
  return toQueryRecord(validate(listDataAppsQuerySchema, query, 'data app list query'));
}
