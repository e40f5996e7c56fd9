let counter = 0;

/**
 * Puts `fn` on `window` under a fresh, unique name and returns that name
 * with a function that removes it. DataBrain's elements take callbacks as the
 * name of a global function, looked up once when the attribute is set, so
 * the function must exist before the attribute does.
 *
 * @example
 * ```ts
 * const { name, unregister } = registerGlobalFunction((event) => console.log(event));
 * element.setAttribute('handle-server-event', name);
 * ```
 */
export function registerGlobalFunction(fn: (...args: unknown[]) => void): {
  name: string;
  unregister: () => void;
} {
  counter += 1;
  const name = `__databrainEmbedCallback${counter}`;
  const globals = window as unknown as Record<string, unknown>;
  globals[name] = fn;
  return {
    name,
    unregister: () => {
      if (globals[name] === fn) delete globals[name];
    },
  };
}
