export { connectEmulator, type EmulatorConnection } from './connectEmulator.ts';
export type { EmulatorClock } from './createEmulatorClock.ts';
export type { EmulatorFault } from './createFaultInjector.ts';
export {
  EMULATOR_URL_ENV,
  EMULATOR_URL_KEY,
  type EmulatorGlobalSetupOptions,
  emulatorGlobalSetup,
  type GlobalSetupContext,
} from './emulatorGlobalSetup.ts';
export type { GuestTokenClaims } from './GuestTokenClaims.ts';
export { CONTROL_PATHS } from './routes/controlRoutes.ts';
