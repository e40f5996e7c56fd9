import { DatabrainError } from '@databrain-embed/core/errors';

// Resolved instead of the real entry by bundlers targeting browsers (the
// `browser` export condition), so a stray import fails the build or the page
// at once instead of shipping code that would need secret keys. Only the
// zod-free error entry of core comes along.
throw new DatabrainError(
  'SERVER_ONLY',
  '@databrain-embed/server cannot run in a browser: it uses your DataBrain API key and ' +
    'service token, which must stay on the server. Mint guest tokens in your backend and use ' +
    '@databrain-embed/react in the browser.',
);
