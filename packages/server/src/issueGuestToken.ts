import {
  DatabrainError,
  DatabrainValidationError,
  type GuestTokenInput,
  isDatabrainError,
} from '@databrain-embed/core';
import { isRecord } from '@databrain-embed/core/internal';
import { EXPIRED_TOKEN_HEADER, type TokenEndpointResponse } from '@databrain-embed/core/token-endpoint';
import type { GuestToken } from './DatabrainClient.ts';
import type { GuestTokenGrant } from './GuestTokenHandlerOptions.ts';
import { knownCredentials } from './knownCredentials.ts';
import type { ResolvedHandlerOptions } from './resolveHandlerOptions.ts';
import { scrubValue, secretsOfCall } from './scrubSecrets.ts';

/** What app code threw, kept as a cause without any credential this process knows. */
function scrubbed(cause: unknown): unknown {
  return scrubValue(cause, secretsOfCall(knownCredentials(), undefined));
}

/**
 * The one step behind the token endpoint and `mint`: asks `authorize` who is
 * signed in, then mints their token. Resolves `null` when nobody is. Throws
 * `DatabrainError`s only:
 * - `AUTHORIZE_FAILED` when `authorize` threw (what it threw is the cause);
 * - a `DatabrainValidationError` when it returned no grant object, when the
 *   grant breaks a rule, or when the client's credential is missing;
 * - what the client threw: a `DatabrainApiError` (DataBrain's code, `status`,
 *   `retryAfter`) when DataBrain failed or the call was aborted, or
 *   `UNKNOWN_ERROR` around anything a custom client threw that is not a
 *   `DatabrainError`.
 *
 * `signal` cancels the DataBrain call. The token a browser's embed reported
 * expired (the expired-token header) is passed on, so reuse never hands it back.
 */
export async function issueGuestToken(
  options: ResolvedHandlerOptions,
  request: Request,
  signal: AbortSignal | undefined,
): Promise<TokenEndpointResponse | null> {
  let grant: unknown;
  try {
    grant = await options.authorize(request);
  } catch (cause) {
    throw new DatabrainError(
      'AUTHORIZE_FAILED',
      'authorize threw, so nobody could be signed in (see the cause)',
      {
        cause: scrubbed(cause),
      },
    );
  }
  if (grant === null) return null;
  if (!isRecord(grant)) {
    throw new DatabrainValidationError('grant returned by authorize', [
      { path: '', message: 'must be an object such as { clientId } (or null when nobody is signed in)' },
    ]);
  }
  const given = grant as GuestTokenGrant;
  // An explicit `undefined` from a grant must not turn into a token that never expires.
  const input: GuestTokenInput = {
    ...given,
    dataAppName: options.dataAppName,
    expiresIn: given.expiresIn ?? options.expiresIn,
  };
  const expiredToken = request.headers.get(EXPIRED_TOKEN_HEADER) || undefined;
  let minted: GuestToken;
  try {
    minted = await options.client.createGuestToken(input, { signal, expiredToken });
  } catch (error) {
    if (isDatabrainError(error)) throw error;
    throw new DatabrainError(
      'UNKNOWN_ERROR',
      'client.createGuestToken failed with something that is not a DatabrainError (see the cause)',
      { cause: scrubbed(error) },
    );
  }
  return { token: minted.token, expiresIn: minted.expiresIn };
}
