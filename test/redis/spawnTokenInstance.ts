import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TokenInstanceConfig } from './tokenInstance.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository's node_modules, so the bundle finds redis, ioredis and zod.
const outDir = join(root, 'node_modules', '.cache', 'databrain-embed-redis-test');
const conditions = ['@databrain-embed/source', 'module', 'node', 'development|production'];
let bundled: Promise<string> | undefined;

/** Bundles tokenInstance.ts (and the server's sources) into one .mjs Node can run. */
function bundle(): Promise<string> {
  bundled ??= build({
    configFile: false,
    logLevel: 'silent',
    root,
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    build: {
      ssr: fileURLToPath(new URL('./tokenInstance.ts', import.meta.url)),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'tokenInstance.mjs' } },
    },
  }).then(() => join(outDir, 'tokenInstance.mjs'));
  return bundled;
}

/** An app instance in its own process (see tokenInstance.ts). */
export interface TokenInstance {
  /** Lets the instance start its calls. */
  go(): void;
  /** The tokens its calls got. */
  tokens(): Promise<string[]>;
  readonly process: ChildProcess;
}

function nextLine(lines: Interface, child: ChildProcess): Promise<string> {
  return Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the token instance exited with ${code}`);
    }),
  ]);
}

/** Starts one instance and resolves once it is connected to Redis. */
export async function spawnTokenInstance(config: TokenInstanceConfig): Promise<TokenInstance> {
  const script = await bundle();
  const child = spawn(process.execPath, [script, JSON.stringify(config)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NonNullable<typeof child.stdout> });
  const ready = await nextLine(lines, child);
  if (ready !== 'ready') throw new Error(`the token instance said ${ready}`);
  const result = nextLine(lines, child);
  result.catch(() => {});
  return {
    process: child,
    go: () => child.stdin?.write('go\n'),
    tokens: async () => JSON.parse(await result) as string[],
  };
}
