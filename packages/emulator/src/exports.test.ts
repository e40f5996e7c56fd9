import { describe, expect, it } from 'vitest';
import * as elements from './elements.ts';
import * as handler from './handler.ts';
import * as main from './index.ts';
import * as testing from './testing.ts';

describe('public exports', () => {
  it('keeps the main entry list stable', () => {
    expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
      [
        "CLI_USAGE",
        "DEFAULT_CLI_PORT",
        "DEFAULT_EMULATOR_SEED",
        "DEFAULT_TENANT_COLUMN",
        "EMULATOR_API_KEY",
        "EMULATOR_DATA_APP",
        "EMULATOR_SERVICE_TOKEN",
        "FAILING_CREDENTIAL",
        "SAMPLE_COLUMNS",
        "SAMPLE_ROWS",
        "applyTenancy",
        "createEmulatorClock",
        "createEmulatorHandler",
        "createFaultInjector",
        "filterRows",
        "loadEmulatorConfig",
        "parseCliArgs",
        "parseEmulatorConfig",
        "parseEmulatorSeed",
        "readColumns",
        "runCli",
        "startEmulator",
      ]
    `);
  });

  it('keeps the elements entry list stable', () => {
    expect(Object.keys(elements).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_PREVIEW_THEME",
        "PREVIEW_STYLES",
        "PREVIEW_STYLE_ID",
        "PreviewElementModel",
        "definePreviewElements",
        "describeFilter",
        "describePermissions",
        "formatExpiry",
        "installPreviewStyles",
        "parseJsonAttribute",
        "readPreviewTheme",
        "renderPreviewCard",
        "summarizeRows",
      ]
    `);
  });

  it('keeps the handler entry list stable', () => {
    expect(Object.keys(handler).sort()).toMatchInlineSnapshot(`
      [
        "CONTROL_PATHS",
        "DEFAULT_EMULATOR_SEED",
        "DEFAULT_TENANT_COLUMN",
        "EMULATOR_API_KEY",
        "EMULATOR_DATA_APP",
        "EMULATOR_SERVICE_TOKEN",
        "SAMPLE_COLUMNS",
        "SAMPLE_ROWS",
        "createEmulatorHandler",
        "parseEmulatorSeed",
        "readColumns",
      ]
    `);
  });

  it('keeps the testing entry list stable', () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "CONTROL_PATHS",
        "EMULATOR_URL_ENV",
        "EMULATOR_URL_KEY",
        "connectEmulator",
        "emulatorGlobalSetup",
      ]
    `);
  });
});
