// What the scripts and the benchmark share about the repository.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The workspace packages (`packages/<name>`), in dependency order: core first. */
export const PACKAGES = ['core', 'server', 'emulator', 'react', 'storybook'];

/** The path of a binary installed at the root (`node_modules/.bin`). */
export const bin = (name) => join(root, 'node_modules', '.bin', name);
