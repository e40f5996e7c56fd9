// The two system programs the tests and the benchmark need beyond Node and npm:
// Debian's `chromium` (browser tests, never a downloaded browser) and
// `redis-server` (token-store tests and the cache benchmark). `pnpm test` and
// `pnpm bench` call `ensurePrerequisites` before their first stage: what is
// missing is installed with apt-get where this machine allows it (root, or
// sudo without a password), and otherwise the run stops at once with one
// message naming what is missing and how to bring it. `pnpm start` needs
// neither. The decision (`planPrerequisites`) is pure, so it is tested for
// every combination without touching the machine.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * What each program is for and where it comes from. `variable` names an
 * installation elsewhere; without it, `command` is looked up (an absolute
 * path as it is, a bare name on PATH).
 */
export const PREREQUISITES = [
  {
    name: 'chromium',
    purpose: 'the browser tests',
    variable: 'CHROMIUM_PATH',
    command: '/usr/bin/chromium',
    debianPackage: 'chromium',
    brew: 'brew install --cask chromium',
  },
  {
    name: 'redis-server',
    purpose: 'the Redis token-store tests',
    variable: 'REDIS_SERVER_PATH',
    command: 'redis-server',
    debianPackage: 'redis-server',
    brew: 'brew install redis',
  },
];

const NAMES = PREREQUISITES.map((item) => item.name);

/** Whether `file` exists and may be executed. */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `command` as the shell would find it: an absolute path as it is, a bare name on PATH. */
export function findExecutable(command, path = process.env.PATH ?? '') {
  if (isAbsolute(command)) return isExecutable(command) ? command : undefined;
  for (const folder of path.split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Looks at this machine: for each needed program whether it is there, and
 * whether it was named by its variable; whether packages can be installed.
 */
export function probeMachine({ needs = NAMES, env = process.env } = {}) {
  const programs = PREREQUISITES.filter((item) => needs.includes(item.name)).map((item) => {
    const named = env[item.variable];
    const found = named ? findExecutable(named, env.PATH) : findExecutable(item.command, env.PATH);
    return { name: item.name, present: found !== undefined, namedBy: named ? item.variable : undefined };
  });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasAptGet = findExecutable('apt-get', env.PATH) !== undefined;
  const hasSudo =
    !isRoot &&
    findExecutable('sudo', env.PATH) !== undefined &&
    spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  return { platform: process.platform, isRoot, hasSudo, hasAptGet, programs };
}

function howToBring(missing, platform) {
  const debian = `  Debian/Ubuntu: apt-get install -y ${missing.map((item) => item.debianPackage).join(' ')}   (as root, or with sudo)`;
  const mac = [`  macOS:         ${missing.map((item) => item.brew).join(' && ')}`];
  if (missing.some((item) => item.name === 'chromium')) {
    mac.push('                 then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium');
  }
  const elsewhere = `  Installed elsewhere: set ${missing
    .map((item) => `${item.variable}=/path/to/${item.name}`)
    .join(' and ')}`;
  const lines = platform === 'darwin' ? [...mac, debian, elsewhere] : [debian, ...mac, elsewhere];
  return lines.join('\n');
}

/**
 * Decides what to do, from a probe (see {@link probeMachine}):
 * - `{ action: 'ready' }`: everything is there;
 * - `{ action: 'install', commands, message }`: run these commands (each an
 *   argv array), after printing the one-line message;
 * - `{ action: 'stop', message }`: print the message and stop.
 * A program named by its variable (`CHROMIUM_PATH`, `REDIS_SERVER_PATH`) at a
 * path that is not there is never replaced by an install: the run stops and
 * says which variable points nowhere.
 */
export function planPrerequisites(probe) {
  const missingNames = probe.programs.filter((program) => !program.present);
  if (missingNames.length === 0) return { action: 'ready' };
  const missing = missingNames.map((program) => ({
    ...PREREQUISITES.find((item) => item.name === program.name),
    namedBy: program.namedBy,
  }));
  const misnamed = missing.filter((item) => item.namedBy !== undefined);
  if (misnamed.length > 0) {
    const which = misnamed.map((item) => `${item.variable} names no executable file`).join('; ');
    return {
      action: 'stop',
      message:
        `Cannot run the tests: ${which}. Point it at an installed ${misnamed
          .map((item) => item.name)
          .join(' / ')}, or unset it to use the system one.\n` + howToBring(misnamed, probe.platform),
    };
  }
  const packages = missing.map((item) => item.debianPackage);
  const canInstall = probe.platform === 'linux' && probe.hasAptGet && (probe.isRoot || probe.hasSudo);
  if (canInstall) {
    const sudo = probe.isRoot ? [] : ['sudo', '-n'];
    const purposes = missing.map((item) => item.purpose).join(' and ');
    const note = packages.includes('chromium')
      ? "Debian's packages; never a downloaded browser"
      : "Debian's package";
    return {
      action: 'install',
      message: `Installing ${packages.join(' and ')} with apt-get for ${purposes} (${note}).`,
      commands: [
        [...sudo, 'apt-get', 'update', '-qq'],
        [...sudo, 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages],
      ],
    };
  }
  return {
    action: 'stop',
    message:
      `Cannot run the tests: ${missing
        .map((item) => `${item.name} (for ${item.purpose})`)
        .join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing, and this machine cannot ` +
      'install packages here (apt-get as root or with password-less sudo). Bring them with:\n' +
      howToBring(missing, probe.platform),
  };
}

/**
 * Makes sure the needed programs are there: installs them where allowed,
 * otherwise prints why not. Returns `true` when the run may go on.
 */
export function ensurePrerequisites({ needs = NAMES, env = process.env, log = console.log } = {}) {
  const plan = planPrerequisites(probeMachine({ needs, env }));
  if (plan.action === 'ready') return true;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return false;
  }
  log(plan.message);
  for (const [command, ...args] of plan.commands) {
    // apt-get's own output is shown only when it fails: the one line above says what happens.
    const result = spawnSync(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) {
      console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim());
      console.error(
        `\`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}).`,
      );
      return false;
    }
  }
  const after = planPrerequisites(probeMachine({ needs, env }));
  if (after.action !== 'ready') {
    console.error(after.message ?? 'The install left something missing.');
    return false;
  }
  return true;
}
