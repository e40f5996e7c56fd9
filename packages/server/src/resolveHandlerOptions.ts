import {
  type DatabrainError,
  DEFAULT_TOKEN_LIFETIME_MS,
  type ExpiresIn,
  expiresInSchema,
} from '@databrain-embed/core';
import { closedObject, requiredText, validate, z } from '@databrain-embed/core/internal';
import type { DatabrainClient } from './DatabrainClient.ts';
import { functionSchema } from './functionSchema.ts';
import type { GuestTokenHandlerOptions } from './GuestTokenHandlerOptions.ts';

/** {@link GuestTokenHandlerOptions} after validation, with defaults applied. */
export interface ResolvedHandlerOptions {
  readonly client: Pick<DatabrainClient, 'createGuestToken'>;
  readonly dataAppName: string;
  readonly authorize: GuestTokenHandlerOptions['authorize'];
  /** The lifetime of a grant that sets none. */
  readonly expiresIn: ExpiresIn;
  /** Hands a failure to `onError` (or logs one line); never throws. */
  readonly report: (error: DatabrainError) => void;
}

const optionsSchema = closedObject(
  {
    client: z.custom<Pick<DatabrainClient, 'createGuestToken'>>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as Partial<DatabrainClient>).createGuestToken === 'function',
      { error: 'must have a createGuestToken function, as createDatabrainClient() returns' },
    ),
    dataAppName: requiredText(),
    authorize: functionSchema<GuestTokenHandlerOptions['authorize']>(
      'must be a function returning the grant of the signed-in user, or null',
    ),
    expiresIn: expiresInSchema.optional(),
    onError: functionSchema<(error: DatabrainError) => void>('must be a function').optional(),
  },
  'must be an object such as { client, dataAppName, authorize }',
  'option',
  // A client may be a class instance; its own schema checks it.
  ['client'],
);

/**
 * One line for the default log: the message (a validation message's issue
 * list joined into it) and the code, never a stack or a cause.
 */
function logLine(error: DatabrainError): string {
  const message = error.message.replace(/^\[databrain-embed\] /, '').replace(/\s*\n\s*/g, ' ');
  return `[databrain-embed] The guest token handler failed: ${message} (${error.code})`;
}

/**
 * Validates the options of the token handler and issuer once, when they are
 * created, so a missing `authorize` or a misspelled `dataAppName` is found at
 * startup instead of on every request.
 */
export function resolveHandlerOptions(options: GuestTokenHandlerOptions): ResolvedHandlerOptions {
  const { client, dataAppName, authorize, expiresIn, onError } = validate(
    optionsSchema,
    options,
    'createGuestTokenHandler options',
  );
  return {
    client,
    dataAppName,
    authorize,
    expiresIn: expiresIn ?? DEFAULT_TOKEN_LIFETIME_MS,
    report: (error) => {
      try {
        if (onError) onError(error);
        else console.error(logLine(error));
      } catch {
        // A failing logger must not turn a handled error into an unhandled one.
      }
    },
  };
}
