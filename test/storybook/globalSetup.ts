import { assertAddonBuilt } from './assertAddonBuilt.ts';

/** Before any story runs in Vitest: the addon Storybook loads must be built and current. */
export default function setup(): void {
  assertAddonBuilt();
}
