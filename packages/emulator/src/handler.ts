// The browser-safe entry: the emulator as a Fetch-standard handler and what
// its seed is made of. Nothing here imports node:*.
export type { EmulatorClock } from './createEmulatorClock.ts';
export { createEmulatorHandler, type EmulatorHandler } from './createEmulatorHandler.ts';
export type {
  DropFault,
  EmulatorFault,
  EmulatorFaults,
  LatencyFault,
  StatusFault,
} from './createFaultInjector.ts';
export type { EmulatorHandlerOptions } from './EmulatorHandlerOptions.ts';
export type { EmulatorRequestLogEntry } from './EmulatorRequestLogEntry.ts';
export {
  DEFAULT_EMULATOR_SEED,
  DEFAULT_TENANT_COLUMN,
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  EMULATOR_SERVICE_TOKEN,
  type EmulatorDataApp,
  type EmulatorEmbed,
  type EmulatorRow,
  type EmulatorSeed,
  type EmulatorSeedInput,
} from './emulatorSeed.ts';
export type { GuestTokenClaims } from './GuestTokenClaims.ts';
export type { PreviewPayload } from './PreviewPayload.ts';
export { parseEmulatorSeed } from './parseEmulatorConfig.ts';
export { type ColumnType, type PreviewColumn, readColumns } from './readColumns.ts';
export { CONTROL_PATHS } from './routes/controlRoutes.ts';
export { SAMPLE_COLUMNS, SAMPLE_ROWS, type SampleRow } from './sampleData.ts';
