import type { MetricQueryRequest } from '@databrain-embed/core';
import { canonicalJson } from './canonicalJson.ts';
import { sha256Hex } from './sha256Hex.ts';

/**
 * The key identical metric queries share: `metric-data:` and a SHA-256 (hex)
 * of the canonical JSON of the wire body. The body holds everything that
 * decides the rows (embed, metric, tenant, every filter, datasource), so two
 * queries share a key only when DataBrain would answer them alike. The
 * prefix keeps these keys apart from guest-token keys in a shared store.
 */
export async function metricDataCacheKey(body: MetricQueryRequest): Promise<string> {
  return `metric-data:${await sha256Hex(canonicalJson(body))}`;
}
