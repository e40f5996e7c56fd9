import type { EmulatorEmbed, EmulatorMetric } from './emulatorSeed.ts';

/**
 * The metrics the data endpoints serve for `embed`: its seeded `metrics`, or,
 * when it has none, nothing for a dashboard embed and one metric named after
 * the embed for a metric embed (a metric embed is one metric).
 */
export function metricsOfEmbed(embed: EmulatorEmbed): readonly EmulatorMetric[] {
  if (embed.metrics !== undefined) return embed.metrics;
  return embed.type === 'metric' ? [{ metricId: embed.embedId, name: embed.name }] : [];
}
