import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What a command printed, and its exit code (0 when it succeeded). */
export interface CommandResult {
  code: number;
  output: string;
}

/** Runs a command that may fail, keeping its exit code and everything it printed. */
export async function runAllowingFailure(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof code === 'number' ? code : 1, output: `${stdout}\n${stderr}` };
  }
}

/** What Storybook's command line printed, without colours, links and its frame: plain words. */
export function plainText(output: string): string {
  return (
    output
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed.
      .replace(/\u001b\]8;;[^\u0007\u001b]*(\u0007|\u001b\\)/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed.
      .replace(/\u001b\[[0-9;]*m/g, '')
      .replace(/[│■◇●▲└┌]/g, ' ')
      .replace(/\s+/g, ' ')
  );
}

/** Every file under `dir` whose bytes contain `text` (none when `dir` does not exist). */
export function filesContaining(dir: string, text: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile() && readFileSync(file).includes(text));
}
