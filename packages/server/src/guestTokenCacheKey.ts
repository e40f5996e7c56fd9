import type { GuestTokenRequest } from '@databrain-embed/core';
import { canonicalJson } from './canonicalJson.ts';
import { sha256Hex } from './sha256Hex.ts';

/**
 * The cache key of a guest-token request: SHA-256 (hex) over DataBrain's base
 * URL and the canonical JSON of the wire body. The body holds everything a
 * token grants (data app, tenant, params, permissions, datasource, lifetime),
 * so two requests share a key only when they would mint the same claims. The
 * API key is not part of it: a key in a shared store must not reveal or
 * depend on a secret.
 */
export async function guestTokenCacheKey(baseUrl: string, body: GuestTokenRequest): Promise<string> {
  return sha256Hex(canonicalJson({ baseUrl, body }));
}
