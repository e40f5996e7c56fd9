import { playwright } from '@vitest/browser-playwright';

/** Path to the system Chromium (Debian's `chromium` package); never a downloaded browser. */
export const chromiumPath: string = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet on a closed network. */
export const chromiumArgs: string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Vitest browser provider every browser project uses. */
export const chromium: ReturnType<typeof playwright> = playwright({
  launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
});
