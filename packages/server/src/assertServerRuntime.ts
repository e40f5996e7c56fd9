import { DatabrainError } from '@databrain-embed/core';

/**
 * Throws when running in a browser page, where an API key or service token
 * would be readable by every visitor. Detects a page by `window` and
 * `document` together, so server runtimes that define only one of them
 * (older Deno versions define `window`) are not mistaken for a browser.
 */
export function assertServerRuntime(): void {
  if (typeof globalThis.window !== 'undefined' && typeof globalThis.document !== 'undefined') {
    throw new DatabrainError(
      'SERVER_ONLY',
      'createDatabrainClient must run on a server: it holds secret keys that would be exposed in a browser. ' +
        'Mint guest tokens in your backend and use @databrain-embed/react in the browser.',
    );
  }
}
