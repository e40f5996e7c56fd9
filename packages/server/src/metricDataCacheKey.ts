import type { MetricQueryRequest } from '@databrain-embed/core';
import { canonicalJson } from './canonicalJson.ts';

type CreateHash = typeof import('node:crypto').createHash;

// Node's hash where the runtime has it, Web Crypto on edge runtimes (as guestTokenCacheKey).
const createHash: CreateHash | undefined = globalThis.process?.getBuiltinModule?.('node:crypto')?.createHash;

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/**
 * The key identical metric queries share: `metric-data:` and a SHA-256 (hex)
 * of the canonical JSON of the wire body. The body holds everything that
 * decides the rows (embed, metric, tenant, every filter, datasource), so two
 * queries share a key only when DataBrain would answer them alike. The
 * prefix keeps these keys apart from guest-token keys in a shared store.
 */
export async function metricDataCacheKey(body: MetricQueryRequest): Promise<string> {
  const text = canonicalJson(body);
  const digest =
    createHash !== undefined
      ? createHash('sha256').update(text).digest('hex')
      : hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
  return `metric-data:${digest}`;
}
