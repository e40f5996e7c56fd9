import { ENVIRONMENT_VARIABLES, readEnvironment } from './readEnvironment.ts';

/**
 * The credentials this process may send to DataBrain, for scrubbing them
 * from errors: the client's own options when given, and the environment
 * variables it falls back on, read now (they may be set after the client was
 * created). Entries may be `undefined`; `secretsOfCall` skips them.
 */
export function knownCredentials(
  options: { readonly apiKey?: string | undefined; readonly serviceToken?: string | undefined } = {},
): (string | undefined)[] {
  return [
    options.apiKey,
    options.serviceToken,
    readEnvironment(ENVIRONMENT_VARIABLES.apiKey),
    readEnvironment(ENVIRONMENT_VARIABLES.serviceToken),
  ];
}
