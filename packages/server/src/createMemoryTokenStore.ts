import { closedObject, validate, z } from '@databrain-embed/core/internal';
import type { GuestTokenStore, StoredGuestToken } from './GuestTokenStore.ts';

/**
 * Options of {@link createMemoryTokenStore}.
 *
 * @example
 * ```ts
 * import type { MemoryTokenStoreOptions } from '@databrain-embed/server';
 * const options: MemoryTokenStoreOptions = { maxEntries: 10_000 };
 * ```
 */
export interface MemoryTokenStoreOptions {
  /** Most entries kept; the least recently used goes first. Default 1 000. */
  maxEntries?: number | undefined;
}

interface MemoryEntry {
  readonly entry: StoredGuestToken;
  readonly dropAt: number;
}

const MAX_ENTRIES_RULE = 'must be a positive integer';

const optionsSchema = closedObject(
  {
    maxEntries: z
      .number({ error: MAX_ENTRIES_RULE })
      .int(MAX_ENTRIES_RULE)
      .min(1, MAX_ENTRIES_RULE)
      .max(Number.MAX_SAFE_INTEGER, MAX_ENTRIES_RULE)
      .default(1000),
  },
  'must be an object such as { maxEntries: 1000 }',
  'option',
);

/**
 * A token store in this process's memory, bounded in entries (least recently
 * used evicted first); each entry is dropped when its time to live ends. The
 * default store of `createDatabrainClient`. Use `createRedisTokenStore` from
 * `@databrain-embed/server/redis` to share tokens between app instances.
 * Malformed options throw a `DatabrainValidationError` naming the option.
 *
 * @example
 * ```ts
 * import { createDatabrainClient, createMemoryTokenStore } from '@databrain-embed/server';
 * const databrain = createDatabrainClient({
 *   apiKey: process.env.DATABRAIN_API_KEY,
 *   tokenReuse: { store: createMemoryTokenStore({ maxEntries: 10_000 }) },
 * });
 * ```
 */
export function createMemoryTokenStore(options: MemoryTokenStoreOptions = {}): GuestTokenStore {
  const { maxEntries } = validate(optionsSchema, options, 'createMemoryTokenStore options');
  // A Map iterates in insertion order: re-inserting on use keeps the least
  // recently used entry first.
  const entries = new Map<string, MemoryEntry>();
  return {
    get(key) {
      const found = entries.get(key);
      if (found === undefined) return undefined;
      entries.delete(key);
      if (found.dropAt <= Date.now()) return undefined;
      entries.set(key, found);
      return found.entry;
    },
    set(key, entry, ttlMs) {
      entries.delete(key);
      if (!(ttlMs > 0)) return;
      entries.set(key, {
        entry: { token: entry.token, expiresAt: entry.expiresAt },
        dropAt: Date.now() + ttlMs,
      });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
  };
}
