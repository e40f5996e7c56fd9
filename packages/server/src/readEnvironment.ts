/**
 * The environment variables the client falls back on, by option.
 */
export const ENVIRONMENT_VARIABLES: {
  readonly apiKey: 'DATABRAIN_API_KEY';
  readonly serviceToken: 'DATABRAIN_SERVICE_TOKEN';
  readonly baseUrl: 'DATABRAIN_API_URL';
} = { apiKey: 'DATABRAIN_API_KEY', serviceToken: 'DATABRAIN_SERVICE_TOKEN', baseUrl: 'DATABRAIN_API_URL' };

/**
 * The value of an environment variable, `undefined` when it is unset or
 * empty (a Docker `-e NAME=` or an empty `.env` line means "not given"), or
 * when the runtime has no `process.env` (some edge runtimes).
 */
export function readEnvironment(name: string): string | undefined {
  const environment = typeof process === 'undefined' ? undefined : process.env;
  const value = environment?.[name];
  return value === undefined || value === '' ? undefined : value;
}
