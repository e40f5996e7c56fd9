/** One system program the tests need: what for, its variable, its packages. */
export interface Prerequisite {
  readonly name: 'chromium' | 'redis-server';
  readonly purpose: string;
  readonly variable: 'CHROMIUM_PATH' | 'REDIS_SERVER_PATH';
  readonly command: string;
  readonly debianPackage: string;
  readonly brew: string;
}

/** What {@link probeMachine} saw. */
export interface MachineProbe {
  readonly platform: NodeJS.Platform;
  readonly isRoot: boolean;
  readonly hasSudo: boolean;
  readonly hasAptGet: boolean;
  readonly programs: readonly {
    readonly name: Prerequisite['name'];
    readonly present: boolean;
    readonly namedBy: Prerequisite['variable'] | undefined;
  }[];
}

/** What {@link planPrerequisites} decided. */
export type PrerequisitePlan =
  | { readonly action: 'ready' }
  | {
      readonly action: 'install';
      readonly message: string;
      readonly commands: readonly (readonly string[])[];
    }
  | { readonly action: 'stop'; readonly message: string };

export declare const PREREQUISITES: readonly Prerequisite[];
export declare function findExecutable(command: string, path?: string): string | undefined;
export declare function probeMachine(options?: {
  needs?: readonly Prerequisite['name'][];
  env?: NodeJS.ProcessEnv;
}): MachineProbe;
export declare function planPrerequisites(probe: MachineProbe): PrerequisitePlan;
export declare function ensurePrerequisites(options?: {
  needs?: readonly Prerequisite['name'][];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): boolean;
