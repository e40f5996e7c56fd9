/**
 * The zod-free entry point `@databrain-embed/core/guards`: the runtime checks
 * that browser code of this repository's other packages shares with the rest
 * of core (the emulator's preview elements read their options with them,
 * `useMetricData` its answers), without loading zod in a page. Not covered by semantic
 * versioning; `@databrain-embed/core/internal` re-exports `isRecord` too.
 */
export { isPlainObject } from './isPlainObject.ts';
export { isRecord } from './isRecord.ts';
