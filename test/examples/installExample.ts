import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const examples = join(import.meta.dirname, '../../examples');
const packages = join(import.meta.dirname, '../../packages');
const LEFT_BEHIND = new Set([
  'node_modules',
  'dist',
  '.next',
  'next-env.d.ts',
  'package-lock.json',
  'storybook-static',
]);

/**
 * The environment of a command run as a user would: no DataBrain variable,
 * nothing from the pnpm or npm run that started the tests.
 */
export function userEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|DATABRAIN_|VITEST|NODE_ENV$|TEST$)/i.test(name)) continue;
    env[name] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: '1', STORYBOOK_DISABLE_TELEMETRY: '1', ...extra };
}

/** Runs a command in `cwd` as a user, failing with its output when it fails. */
export async function runCommand(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = userEnvironment(),
): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/**
 * The packed packages an example installs: those it lists and those they
 * depend on (core, through the others). A package nothing needs stays out,
 * so that its peers (Storybook's, for the addon) are not installed for nothing.
 */
async function neededPackages(listed: ReadonlySet<string>, packed: readonly string[]): Promise<Set<string>> {
  const needed = new Set(packed.filter((name) => listed.has(name)));
  // A Set visits what is added while it is walked: dependencies of dependencies too.
  for (const name of needed) {
    const folder = name.replace('@databrain-embed/', '');
    const manifest = JSON.parse(await readFile(join(packages, folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (packed.includes(dependency)) needed.add(dependency);
    }
  }
  return needed;
}

/**
 * Copies `examples/<name>` to a temporary folder outside the workspace,
 * points its `@databrain-embed/*` dependencies at the packed tarballs (a
 * dev dependency stays one; the packages' own dependencies on each other
 * too, through `overrides`), and runs a plain `npm install` from the registry.
 */
export async function installExample(name: string, tarballs: Record<string, string>): Promise<string> {
  const folder = join(await mkdtemp(join(tmpdir(), 'databrain-embed-example-')), name);
  await cp(join(examples, name), folder, {
    recursive: true,
    filter: (source) => !LEFT_BEHIND.has(basename(source)),
  });
  const manifestPath = join(folder, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
    overrides?: Record<string, string>;
  };
  manifest.overrides = {};
  const listed = new Set([
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.devDependencies ?? {}),
  ]);
  const needed = await neededPackages(listed, Object.keys(tarballs));
  for (const [packageName, tarball] of Object.entries(tarballs)) {
    if (!needed.has(packageName)) continue;
    const devDependencies = manifest.devDependencies ?? {};
    if (Object.hasOwn(devDependencies, packageName)) devDependencies[packageName] = `file:${tarball}`;
    else manifest.dependencies[packageName] = `file:${tarball}`;
    manifest.overrides[packageName] = `$${packageName}`;
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await runCommand(folder, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  return folder;
}
