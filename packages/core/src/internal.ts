/**
 * The entry point `@databrain-embed/core/internal`: the schema helpers the
 * other packages of this repository build their own schemas with (the
 * server's client options, the emulator's options and config file), so every
 * input is checked by the same rules, reported the same way, and parsed by
 * the same copy of zod, plus `isRecord`, the one JSON-object check. Not
 * covered by semantic versioning.
 */
export * as z from 'zod';
export { closedObject } from './closedObject.ts';
export { composeMetricQuery } from './composeMetricQuery.ts';
export { isRecord } from './guards.ts';
export { parseMetricDataRequest } from './parseMetricDataRequest.ts';
export { plainData } from './plainData.ts';
export { requiredText } from './requiredText.ts';
export { toValidationIssues, validate } from './validate.ts';
