import type { GuestTokenRequest } from '@databrain-embed/core';
import { canonicalJson } from './canonicalJson.ts';

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
  // Web Crypto rather than node:crypto: the main entry also runs on edge runtimes.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
