import * as z from 'zod';
import { text } from './adminFields.ts';
import { plainData } from './plainData.ts';
import { validate } from './validate.ts';

/**
 * Body of `POST /api/v2/data-app/api-tokens`: which data app the key is for
 * and a label for it.
 *
 * @example
 * ```ts
 * import type { ApiTokenRequest } from '@databrain-embed/core';
 * const body: ApiTokenRequest = { dataAppName: 'customer-portal', name: 'Production API Key' };
 * ```
 */
export interface ApiTokenRequest {
  /** Exact name of an existing data app. */
  dataAppName: string;
  /** A label for the key, e.g. the environment it is used in. */
  name: string;
}

/**
 * Success body of `POST /api/v2/data-app/api-tokens`. The key is shown only
 * once; store it as a secret.
 *
 * @example
 * ```ts
 * import type { ApiTokenResponse } from '@databrain-embed/core';
 * const response: ApiTokenResponse = { key: '550e8400-e29b-41d4-a716-446655440000' };
 * ```
 */
export interface ApiTokenResponse {
  key: string;
}

/**
 * Validates a `POST /api/v2/data-app/api-tokens` body: both fields non-empty
 * strings, nothing else.
 *
 * @example
 * ```ts
 * import { apiTokenRequestSchema } from '@databrain-embed/core';
 * apiTokenRequestSchema.safeParse({ dataAppName: 'customer-portal', name: '' }).success; // false
 * ```
 */
export const apiTokenRequestSchema: z.ZodType<ApiTokenRequest> = plainData(
  z.strictObject({
    dataAppName: text(),
    name: text(),
  }),
);

/**
 * Validates a `POST /api/v2/data-app/api-tokens` body and returns it, ready to
 * send. Throws a `DatabrainValidationError` naming every invalid field.
 *
 * @example
 * ```ts
 * import { buildApiTokenRequest } from '@databrain-embed/core';
 * const body = buildApiTokenRequest({ dataAppName: 'customer-portal', name: 'Production API Key' });
 * ```
 */
export function buildApiTokenRequest(input: ApiTokenRequest): ApiTokenRequest {
  return validate(apiTokenRequestSchema, input, 'API token request');
}
