import { expiresInSchema, guestTokenParamsSchema, permissionsSchema } from '@databrain-embed/core';
import { closedObject, validate, type z } from '@databrain-embed/core/internal';
import type { TokenOverrides } from './TokenOverrides.ts';

const overridesSchema: z.ZodType<TokenOverrides> = closedObject(
  {
    params: guestTokenParamsSchema.exactOptional(),
    permissions: permissionsSchema.exactOptional(),
    expiresIn: expiresInSchema.exactOptional(),
  },
  'must be an object with params, permissions or expiresIn',
);

/**
 * Checks a story's token overrides with core's guest-token rules; throws a
 * `DatabrainValidationError` naming each bad field under `subject`
 * (`parameters.databrain.token: permissions.isEnableExport: unknown
 * permission key`). `undefined` is no override.
 *
 * @example
 * ```ts
 * const overrides = parseTokenOverrides(parameters.databrain?.token, 'parameters.databrain.token');
 * ```
 */
export function parseTokenOverrides(input: unknown, subject: string): TokenOverrides {
  if (input === undefined) return {};
  return validate(overridesSchema, input, subject);
}
