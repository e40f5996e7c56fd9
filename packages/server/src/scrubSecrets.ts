import { SECRET_CREDENTIAL_FIELDS } from '@databrain-embed/core';

const REDACTED = '[redacted]';

// Said instead of a text that still held a secret after scrubbing: only
// possible when a secret is itself built around the `[redacted]` marker.
const WITHHELD = '[redacted: the text repeated a secret]';

const secretFields: ReadonlySet<string> = new Set(SECRET_CREDENTIAL_FIELDS);

/**
 * The forms a secret can take when a server repeats it: as given, as a URL
 * component (a password inside a connection string) and as a JSON string
 * (a private key with its line breaks escaped).
 */
function spellingsOf(secret: string): string[] {
  const spellings = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...spellings].filter((spelling) => spelling.length > 0);
}

function collectCredentialValues(value: unknown, into: string[], depth: number): void {
  // Request bodies are shallow; the bound only guards against a cyclic input.
  if (depth > 8 || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectCredentialValues(item, into, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (secretFields.has(key) && typeof item === 'string') into.push(item);
    else collectCredentialValues(item, into, depth + 1);
  }
}

/**
 * Every secret one call knows: the credentials it may send (API key, service
 * token) and each credential field of its request body (datasource passwords,
 * private keys, secret access keys, tokens), in every spelling a server might
 * echo, longest first.
 */
export function secretsOfCall(credentials: readonly (string | undefined)[], body: unknown): string[] {
  const values: string[] = [];
  for (const credential of credentials) if (credential !== undefined) values.push(credential);
  collectCredentialValues(body, values, 0);
  const all = new Set(values.flatMap(spellingsOf));
  return [...all].sort((left, right) => right.length - left.length);
}

function escapeForRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Start and end of every occurrence of `secret` in `text`, in any letter case, overlaps included. */
function occurrences(text: string, secret: string): { start: number; end: number }[] {
  const pattern = new RegExp(escapeForRegExp(secret), 'giu');
  const found: { start: number; end: number }[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push({ start: match.index, end: match.index + match[0].length });
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

/** Whether `text` holds any of `secrets`, in any letter case. */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => occurrences(text, secret).length > 0);
}

/**
 * Replaces every occurrence of every secret in `text`, in any letter case,
 * with `[redacted]`. Occurrences that overlap or touch are replaced as one,
 * so no part of one secret is left beside another. Callers scrub before they
 * shorten a text: a cut made first could keep a secret's prefix.
 *
 * DataBrain's error messages are passed on to callers; if a message ever
 * echoed a credential back, this keeps it out of logs and responses.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const ranges = secrets.flatMap((secret) => occurrences(text, secret));
  if (ranges.length === 0) return text;
  ranges.sort((left, right) => left.start - right.start);
  let out = '';
  let copiedUpTo = 0;
  let current = ranges[0] as { start: number; end: number };
  const flush = (range: { start: number; end: number }): void => {
    out += text.slice(copiedUpTo, range.start) + REDACTED;
    copiedUpTo = range.end;
  };
  for (const range of ranges.slice(1)) {
    if (range.start <= current.end) current = { start: current.start, end: Math.max(current.end, range.end) };
    else {
      flush(current);
      current = range;
    }
  }
  flush(current);
  out += text.slice(copiedUpTo);
  return containsSecret(out, secrets) ? WITHHELD : out;
}

/**
 * `value` (an error's `cause`: an `Error`, a plain object, a string) with
 * every text scrubbed by {@link scrubSecrets}: a copy when any text held a
 * secret, otherwise `value` itself, so a clean cause stays the very error
 * that was thrown. Copied errors keep their class, `name`, `code` and `cause`
 * chain; other values are passed through. Depth-bounded, so a cyclic cause
 * cannot loop.
 */
export function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (secrets.length === 0) return value;
  let changed = false;
  const scrub = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') {
      const text = scrubSecrets(item, secrets);
      if (text !== item) changed = true;
      return text;
    }
    if (typeof item !== 'object' || item === null) return item;
    if (depth > 5) {
      changed = true;
      return undefined;
    }
    const prototype: unknown = Object.getPrototypeOf(item);
    const isError = item instanceof Error;
    if (!isError && prototype !== Object.prototype && prototype !== null && !Array.isArray(item)) {
      return item;
    }
    if (Array.isArray(item)) return item.map((entry) => scrub(entry, depth + 1));
    const copy: Record<string, unknown> = Object.create(prototype as object | null);
    const enumerable = new Set(Object.keys(item));
    // An error's `message`, `stack` and `cause` are not enumerable, and some
    // errors (DOMException) serve `name` and `message` from prototype getters
    // that would refuse the copy: each is read here and set on the copy itself.
    const keys = new Set([...enumerable, ...(isError ? ['name', 'message', 'stack', 'cause'] : [])]);
    for (const key of keys) {
      const entry = (item as Record<string, unknown>)[key];
      if (entry === undefined && !enumerable.has(key)) continue;
      Object.defineProperty(copy, key, {
        value: scrub(entry, depth + 1),
        enumerable: enumerable.has(key),
        writable: true,
        configurable: true,
      });
    }
    return copy;
  };
  const scrubbed = scrub(value, 0);
  return changed ? scrubbed : value;
}
