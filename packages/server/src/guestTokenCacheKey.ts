import type { GuestTokenRequest } from '@databrain-embed/core';
import { canonicalJson } from './canonicalJson.ts';

type CreateHash = typeof import('node:crypto').createHash;

// node:crypto hashes a short text in about 2 µs, Web Crypto's promise in about
// 20: take Node's where the runtime has it (Node 20.16+, Bun, Deno) without an
// import, so edge runtimes, which only have Web Crypto, still load this module.
const createHash: CreateHash | undefined = globalThis.process?.getBuiltinModule?.('node:crypto')?.createHash;

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/**
 * The cache key of a guest-token request: SHA-256 (hex) over DataBrain's base
 * URL and the canonical JSON of the wire body. The body holds everything a
 * token grants (data app, tenant, params, permissions, datasource, lifetime),
 * so two requests share a key only when they would mint the same claims. The
 * API key is not part of it: a key in a shared store must not reveal or
 * depend on a secret.
 */
export async function guestTokenCacheKey(baseUrl: string, body: GuestTokenRequest): Promise<string> {
  const text = canonicalJson({ baseUrl, body });
  if (createHash !== undefined) return createHash('sha256').update(text).digest('hex');
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}
