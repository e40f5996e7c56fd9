/**
 * The story backend's routes (served by `tokenServer.ts`), shared with the
 * stories that call them. No imports: the browser loads this file too.
 */
export const TOKEN_PATH = '/api/databrain/token';
/** The metric-data endpoint `useMetricData` asks (`?user=<persona>&session=<id>`). */
export const DATA_PATH = '/api/databrain/data';
export const OUTAGE_PATH = '/api/databrain/outage';
export const MODE_PATH = '/api/databrain/mode';
/** The emulator's preview routes are proxied under this prefix, on the page's own origin. */
export const EMULATOR_PROXY_PREFIX = '/databrain-emulator';

export type StoryBackendMode = 'emulator' | 'live';
