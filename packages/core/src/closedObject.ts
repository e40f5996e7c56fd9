import * as z from 'zod';
import { plainData } from './plainData.ts';

/**
 * An object schema that rejects every key not in `shape`, each at its own
 * path, with a message naming the known keys (taken from `shape`, in order).
 * Not `z.strictObject`: zod reports all unknown keys as one issue on the
 * parent object. `error` is the message for an input that is not an object;
 * `what` names a key in messages ("unknown field"). Non-plain objects and
 * reserved keys are refused first, at their paths (see {@link plainData}),
 * except inside the values of `opaqueKeys`: collaborators such as a store or
 * a client, which may be class instances and are checked by their own schema.
 *
 * @example
 * ```ts
 * import { closedObject, requiredText } from '@databrain-embed/core/internal';
 * const options = closedObject({ host: requiredText().optional() }, 'must be an object', 'option');
 * options.safeParse({ hots: 'x' }); // issue at "hots": unknown option (known options: host)
 * ```
 */
export function closedObject<S extends z.core.$ZodLooseShape>(
  shape: S,
  error: string,
  what = 'field',
  opaqueKeys: readonly (keyof S & string)[] = [],
): z.ZodPreprocess<z.ZodObject<z.core.util.Writeable<S>, z.core.$catchall<z.ZodType<never>>>, unknown> {
  const known = Object.keys(shape).join(', ');
  return plainData(
    z
      .object(shape, { error })
      .catchall(z.custom<never>(() => false, { error: `unknown ${what} (known ${what}s: ${known})` })),
    opaqueKeys,
  );
}
