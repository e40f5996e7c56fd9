export { createEmulatorClock, type EmulatorClock } from './createEmulatorClock.ts';
export { createEmulatorHandler, type EmulatorHandler } from './createEmulatorHandler.ts';
export {
  createFaultInjector,
  type DropFault,
  type EmulatorFault,
  type EmulatorFaults,
  type FaultDecision,
  type LatencyFault,
  type StatusFault,
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
export { applyTenancy, type EmbedFilters, type FilterReport, filterRows } from './filterRows.ts';
export type { GuestTokenClaims } from './GuestTokenClaims.ts';
export { loadEmulatorConfig } from './loadEmulatorConfig.ts';
export type { PreviewPayload } from './PreviewPayload.ts';
export { CLI_USAGE, type CliArgs, parseCliArgs } from './parseCliArgs.ts';
export { type EmulatorConfig, parseEmulatorConfig, parseEmulatorSeed } from './parseEmulatorConfig.ts';
export { type ColumnType, type PreviewColumn, readColumns } from './readColumns.ts';
export { FAILING_CREDENTIAL } from './routes/datasourceRoute.ts';
export { DEFAULT_CLI_PORT, type RunCliIo, type RunCliResult, runCli } from './runCli.ts';
export type { StartEmulatorOptions } from './StartEmulatorOptions.ts';
export { SAMPLE_COLUMNS, SAMPLE_ROWS, type SampleRow } from './sampleData.ts';
export { type RunningEmulator, startEmulator } from './startEmulator.ts';
