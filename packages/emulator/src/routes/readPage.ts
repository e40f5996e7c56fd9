import type { DatabrainEndpoint } from '@databrain-embed/core';
import { EmulatorHttpError } from '../EmulatorHttpError.ts';

/** DataBrain's page size for every paginated list. */
export const PAGE_SIZE = 10;

/**
 * The page of `items` the query's `isPagination` and `pageNumber` ask for
 * (strings, as DataBrain reads them: `"true"`, `"2"`), or all of them
 * without pagination. A malformed value is `INVALID_REQUEST_BODY`.
 */
export function readPage<T>(endpoint: DatabrainEndpoint, query: URLSearchParams, items: readonly T[]): T[] {
  const paginate = query.get('isPagination');
  if (paginate !== null && paginate !== 'true' && paginate !== 'false') {
    throw EmulatorHttpError.documented(
      endpoint,
      'INVALID_REQUEST_BODY',
      '`isPagination` must be "true" or "false".',
    );
  }
  if (paginate !== 'true') return [...items];
  const pageText = query.get('pageNumber') ?? '1';
  const page = /^\d+$/.test(pageText) ? Number(pageText) : Number.NaN;
  if (!(page >= 1)) {
    throw EmulatorHttpError.documented(
      endpoint,
      'INVALID_REQUEST_BODY',
      '`pageNumber` must be a whole number from 1.',
    );
  }
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
