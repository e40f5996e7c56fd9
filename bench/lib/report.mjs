// Turns the sections' results into the rows of one table:
// section | figure | databrain-embed | compared with | ratio or ideal.

const kB = (bytes) =>
  bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(2)} MB`
    : `${(bytes / 1000).toFixed(bytes < 10_000 ? 2 : 1)} kB`;
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const percent = (part, whole) => `${((part / whole) * 100).toFixed(2)} %`;
const times = (value) => `${fixed(value, 2)}×`;

export function rows(results) {
  const out = [];
  const { bytes, tokens, server, cache, data, validation, render, tabs } = results;

  if (bytes) {
    for (const kind of ['min', 'gzip', 'brotli']) {
      out.push([
        'bytes',
        `initial JS, ${kind}`,
        kB(bytes.initial[kind]),
        `${kB(bytes.directInitial[kind])} plugin/web static`,
        percent(bytes.initial[kind], bytes.directInitial[kind]),
      ]);
    }
    out.push([
      'bytes',
      'lazy elements chunk, brotli',
      kB(bytes.lazyChunk.brotli),
      'loaded at first mount',
      bytes.initialHasZod ? 'zod in initial JS!' : 'no zod in initial JS',
    ]);
  }

  if (tokens) {
    for (const run of tokens.runs) {
      const label = `N=${run.components}, ${tokens.lifetimes}×${tokens.lifetimeMs / 1000} s tokens`;
      out.push([
        'tokens',
        `${label}: requests`,
        String(run.requests),
        `ideal ${run.idealRequests}`,
        times(run.requests / run.idealRequests),
      ]);
      out.push([
        'tokens',
        `${label}: ms without valid token`,
        fixed(run.worstInvalidMs, 0),
        'ideal 0',
        `worst of ${run.elements}`,
      ]);
      out.push([
        'tokens',
        `${label}: elements re-created`,
        String(run.recreated),
        'ideal 0',
        `${run.tokenSwapsPerElement} swaps each`,
      ]);
    }
  }

  if (server) {
    const line = (result) =>
      `${fixed(result.perSecond, 0)}/s, p50 ${fixed(result.p50)} ms, p99 ${fixed(result.p99)} ms`;
    out.push([
      'server',
      'handler (node:http)',
      line(server.handler),
      `${line(server.plain)} hand-written fetch`,
      `${times(server.overVsPlain)} cost`,
    ]);
    out.push([
      'server',
      'handler vs emulator direct',
      line(server.handler),
      `${line(server.direct)} direct`,
      `${times(server.overVsDirect)} cost`,
    ]);
    out.push([
      'server',
      'CPU ms per token (endpoint process)',
      fixed(server.cpuMsPerToken.handler, 3),
      `${fixed(server.cpuMsPerToken.plain, 3)} hand-written fetch`,
      `${times(server.cpuOverVsPlain)} cost`,
    ]);
    const failed = server.handler.failed + server.plain.failed + server.direct.failed;
    if (failed > 0) out.push(['server', 'failed requests', String(failed), 'ideal 0', '']);
  }

  if (validation) {
    for (const [name, result] of Object.entries(validation)) {
      out.push([
        'validation',
        `build ${name} (${kB(result.inputBytes)} body)`,
        `${fixed(result.build)} µs/op`,
        `parse ${fixed(result.parse)} µs, JSON.stringify ${fixed(result.stringify)} µs`,
        times(result.build / result.stringify),
      ]);
    }
  }

  if (render) {
    const { ours, direct, elements, chromium } = render;
    if (chromium) {
      out.push([
        'render',
        `Chromium: mount ${chromium.elements}, ms to all tokens`,
        fixed(chromium.ourMs),
        `${fixed(chromium.rawMs)} raw elements`,
        times(chromium.ourMs / chromium.rawMs),
      ]);
    }
    out.push([
      'render',
      `mount ${elements} Dashboards: render ms`,
      fixed(ours.mountCommitMs),
      `${fixed(direct.mountCommitMs)} raw elements`,
      times(ours.mountCommitMs / direct.mountCommitMs),
    ]);
    out.push([
      'render',
      `mount ${elements}: wall ms to all tokens`,
      fixed(ours.mountWallMs),
      `${fixed(direct.mountWallMs)} raw elements`,
      times(ours.mountWallMs / direct.mountWallMs),
    ]);
    out.push([
      'render',
      'token swap: render ms',
      fixed(ours.swapCommitMs, 2),
      `${fixed(direct.swapCommitMs, 2)} raw elements`,
      `${ours.recreated} re-created`,
    ]);
    out.push([
      'render',
      'token swap: wall ms',
      fixed(ours.swapWallMs),
      `${fixed(direct.swapWallMs)} raw elements`,
      times(ours.swapWallMs / direct.swapWallMs),
    ]);
  }
  if (cache) {
    out.push([
      'cache',
      `${cache.instances} instances, ${cache.users} users: mints`,
      `${cache.mints} for ${cache.requests} requests`,
      `ideal ${cache.idealMints}, ${cache.withoutReuseMints} without reuse`,
      times(cache.mints / cache.idealMints),
    ]);
    out.push([
      'cache',
      'handler ms, reused token',
      `p50 ${fixed(cache.p50ReusedMs, 2)}, p99 ${fixed(cache.p99ReusedMs, 2)}`,
      `p50 ${fixed(cache.p50MintedMs, 2)}, p99 ${fixed(cache.p99MintedMs, 2)} minted`,
      times(cache.p50ReusedMs / cache.p50MintedMs),
    ]);
    const { withReuse, withoutReuse } = cache.faultLoad;
    out.push([
      'cache',
      `${percent(cache.faultLoad.upstreamFaultRate, 1)} upstream faults: holders failed`,
      `${withReuse.holderFailed} of ${withReuse.holderRequests}`,
      `${withoutReuse.holderFailed} of ${withoutReuse.holderRequests} without reuse`,
      `all users: ${withReuse.failed} vs ${withoutReuse.failed} failed`,
    ]);
  }
  if (data) {
    out.push([
      'data',
      `${data.instances} instances, ${data.users} users × ${data.queries / data.users} queries: DataBrain calls`,
      `${data.upstreamCalls} for ${data.queries} queries`,
      `ideal ${data.idealUpstreamCalls}, ${data.withoutSharingUpstreamCalls} without sharing`,
      times(data.upstreamCalls / data.idealUpstreamCalls),
    ]);
    out.push([
      'data',
      'handler ms per query',
      `p50 ${fixed(data.p50Ms, 2)}, p99 ${fixed(data.p99Ms, 2)}`,
      data.failed > 0 ? `${data.failed} failed` : 'none failed',
      '',
    ]);
  }
  if (tabs) {
    for (const run of tabs) {
      const label = `T=${run.tabs} tabs, ${run.lifetimes}×${run.lifetimeMs / 1000} s tokens`;
      out.push([
        'tabs',
        `${label}: requests`,
        String(run.requests),
        `ideal ${run.idealRequests} (one tab)`,
        times(run.requests / run.idealRequests),
      ]);
      out.push([
        'tabs',
        `${label}: ms without valid token`,
        fixed(run.worstInvalidMs, 0),
        'ideal 0',
        `worst of ${run.tabs}`,
      ]);
      out.push([
        'tabs',
        `${label}: elements re-created`,
        String(run.recreated),
        'ideal 0',
        `${run.distinctTokens} distinct tokens`,
      ]);
    }
  }
  return out;
}

export function table(allRows) {
  const header = ['section', 'figure', 'databrain-embed', 'compared with', 'ratio / note'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...allRows.map((row) => row[column].length)),
  );
  const line = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...allRows.map(line)].join('\n');
}
