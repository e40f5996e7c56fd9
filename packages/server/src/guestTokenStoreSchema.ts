import { z } from '@databrain-embed/core/internal';
import type { GuestTokenStore } from './GuestTokenStore.ts';

/** Duck-typed, so a store may be any object, a class instance included. */
function isStore(value: unknown): value is GuestTokenStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  const optional = (name: string) => store[name] === undefined || typeof store[name] === 'function';
  return (
    typeof store.get === 'function' &&
    typeof store.set === 'function' &&
    optional('lock') &&
    optional('unlock') &&
    (store.lock === undefined) === (store.unlock === undefined)
  );
}

/**
 * The rule for a `store` option (token reuse, the metric-data handler's
 * shared answers): `get` and `set`, and either both or neither of `lock` and
 * `unlock`.
 *
 * @example
 * ```ts
 * const options = z.object({ store: guestTokenStoreSchema.optional() });
 * ```
 */
export const guestTokenStoreSchema: z.ZodCustom<GuestTokenStore, GuestTokenStore> = z.custom<GuestTokenStore>(
  isStore,
  { error: 'must have get and set functions, and either both or neither of lock and unlock' },
);
