import type { EmulatorDataApp, EmulatorEmbed, EmulatorSeed, EmulatorSeedInput } from './emulatorSeed.ts';

function union(base: readonly string[], extra: readonly string[] | undefined): string[] {
  return [...new Set([...base, ...(extra ?? [])])];
}

function mergeEmbeds(base: readonly EmulatorEmbed[], extra: readonly EmulatorEmbed[]): EmulatorEmbed[] {
  const byId = new Map(base.map((embed) => [embed.embedId, embed]));
  for (const embed of extra) byId.set(embed.embedId, embed);
  return [...byId.values()];
}

/**
 * Adds `extra` to `base`: name lists are united, and a data app named like
 * an existing one extends it (keys added, embeds added or replaced by id).
 */
export function mergeSeed(base: EmulatorSeed, extra: EmulatorSeedInput = {}): EmulatorSeed {
  const apps = new Map<string, EmulatorDataApp>(base.dataApps.map((app) => [app.name, app]));
  for (const app of extra.dataApps ?? []) {
    const existing = apps.get(app.name);
    apps.set(
      app.name,
      existing
        ? {
            name: app.name,
            apiKeys: union(existing.apiKeys, app.apiKeys),
            embeds: mergeEmbeds(existing.embeds, app.embeds),
          }
        : app,
    );
  }
  const tenantColumn = extra.tenantColumn ?? base.tenantColumn;
  return {
    dataApps: [...apps.values()],
    serviceTokens: union(base.serviceTokens, extra.serviceTokens),
    datasources: union(base.datasources, extra.datasources),
    datamarts: union(base.datamarts, extra.datamarts),
    llms: union(base.llms, extra.llms),
    themes: union(base.themes, extra.themes),
    workspaces: union(base.workspaces, extra.workspaces),
    ...(tenantColumn === undefined ? {} : { tenantColumn }),
  };
}

/** An empty seed, the base when the default seed is switched off. */
export const EMPTY_SEED: EmulatorSeed = {
  dataApps: [],
  serviceTokens: [],
  datasources: [],
  datamarts: [],
  llms: [],
  themes: [],
  workspaces: [],
};
