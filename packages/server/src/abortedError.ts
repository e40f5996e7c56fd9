import { DATABRAIN_ENDPOINT_TABLE, DatabrainApiError, type DatabrainEndpoint } from '@databrain-embed/core';

/**
 * The error for a call to `endpoint` that the caller aborted: during an
 * attempt, between attempts, or while it waited for a mint it shared with
 * identical calls. The abort reason is kept as `cause`.
 */
export function abortedError(endpoint: DatabrainEndpoint, reason: unknown): DatabrainApiError {
  const { method, path } = DATABRAIN_ENDPOINT_TABLE[endpoint];
  return new DatabrainApiError({
    status: 0,
    code: 'ABORTED',
    message: 'The call to DataBrain was aborted by the caller',
    endpoint: `${method} ${path}`,
    cause: reason,
  });
}
