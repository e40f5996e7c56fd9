import { closedObject, requiredText, validate, z } from '@databrain-embed/core/internal';
import type { DatabrainStoryParameters } from './DatabrainStoryParameters.ts';
import { parseTokenOverrides } from './parseTokenOverrides.ts';

const SUBJECT = 'parameters.databrain';

const parametersSchema = closedObject(
  {
    persona: requiredText().exactOptional(),
    token: z.unknown().exactOptional(),
    provider: z.literal(false, { error: 'must be false (or left out)' }).exactOptional(),
    endpoint: closedObject(
      {
        delayMs: z
          .number({ error: 'must be a number of milliseconds' })
          .int('must be whole milliseconds')
          .min(0, 'must not be negative')
          .max(60_000, 'must be at most 60 000 ms')
          .exactOptional(),
        status: z
          .number({ error: 'must be an HTTP status' })
          .int('must be an HTTP status')
          .min(400, 'must be an HTTP error status (400-599)')
          .max(599, 'must be an HTTP error status (400-599)')
          .exactOptional(),
      },
      'must be an object with delayMs or status',
    ).exactOptional(),
  },
  'must be an object',
);

/**
 * Checks a story's `parameters.databrain` before anything is requested; a
 * mistake fails the story with the field named
 * (`parameters.databrain.token: permissions.isEnableExport: …`).
 *
 * @example
 * ```ts
 * const parameters = parseStoryParameters(context.parameters.databrain);
 * ```
 */
export function parseStoryParameters(input: unknown): DatabrainStoryParameters {
  if (input === undefined) return {};
  const { token, ...rest } = validate(parametersSchema, input, SUBJECT);
  const overrides = parseTokenOverrides(token, `${SUBJECT}.token`);
  return {
    ...(rest.persona === undefined ? {} : { persona: rest.persona }),
    ...(token === undefined ? {} : { token: overrides }),
    ...(rest.provider === undefined ? {} : { provider: rest.provider }),
    ...(rest.endpoint === undefined ? {} : { endpoint: rest.endpoint }),
  };
}
