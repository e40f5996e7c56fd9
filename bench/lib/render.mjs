// React commit time (Profiler actualDuration, profiling build of react-dom)
// for mounting 100 <Dashboard>s and swapping their token, beside the same
// 100 `dbn-dashboard` elements rendered directly with a `token` prop, in
// jsdom with stand-in elements that render nothing; then the mount again in
// Debian's Chromium (renderChromium.mjs), where the DOM costs what it costs
// in a browser.
import { setTimeout as sleep } from 'node:timers/promises';
import { freshRoot, installDom } from './dom.mjs';
import { median } from './median.mjs';
import { defineRecordingElements, record, resetRecord } from './recordingElements.mjs';
import { runInChromium } from './renderChromium.mjs';

export const ELEMENTS = 100;
export const SWAPS = 20;
export const MOUNTS = 9;
// Mounts before the measured ones: the first mounts compile the code and make
// jsdom load the parser of each CSS property on its first use.
export const WARM_UP_MOUNTS = 3;

async function until(condition, what) {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(1);
  }
}

const allHold = (token) => () =>
  record.live.size === ELEMENTS && [...record.live].every((element) => element.token === token);

export async function run() {
  if (process.env.NODE_ENV !== 'production')
    throw new Error('run the render benchmark with NODE_ENV=production');
  installDom();
  await defineRecordingElements();
  const React = await import('react');
  const { createRoot } = await import('react-dom/profiling');
  const { DatabrainProvider, Dashboard, useGuestToken } = await import('@databrain-embed/react');
  const { createElement: h, Profiler } = React;

  let committed = 0;
  const onRender = (_id, _phase, actualDuration) => {
    committed += actualDuration;
  };
  const measure = async (action, done, what) => {
    committed = 0;
    const started = performance.now();
    await action();
    await until(done, what);
    // Let any trailing commit land before reading the total.
    await sleep(5);
    return { commitMs: committed, wallMs: performance.now() - started };
  };

  // databrain-embed: one provider, 100 <Dashboard>s; the token swap is a refresh.
  let serial = 0;
  let current = '';
  const fetchToken = async () => {
    serial += 1;
    current = `token-${serial}`;
    return { token: current, expiresIn: 3_600_000 };
  };
  let refresh;
  // biome-ignore lint/correctness/noComponentHookFactories: the hook is imported after the DOM exists; Probe is made once.
  function Probe() {
    refresh = useGuestToken().refresh;
    return null;
  }
  const dashboards = Array.from({ length: ELEMENTS }, (_, index) =>
    h(Dashboard, { key: index, dashboardId: `dashboard-${index}` }),
  );
  const mountOurs = async () => {
    resetRecord();
    current = '';
    const root = createRoot(freshRoot());
    const result = await measure(
      () =>
        root.render(
          h(
            Profiler,
            { id: 'ours', onRender },
            h(
              DatabrainProvider,
              { fetchToken, loadElements: defineRecordingElements },
              h(Probe),
              ...dashboards,
            ),
          ),
        ),
      () => current !== '' && allHold(current)(),
      'the dashboards to mount',
    );
    return { root, result };
  };

  // Direct: 100 elements given the token as a prop.
  const directTree = (token) =>
    h(
      Profiler,
      { id: 'direct', onRender },
      ...Array.from({ length: ELEMENTS }, (_, index) =>
        h('dbn-dashboard', { key: index, token, 'dashboard-id': `dashboard-${index}` }),
      ),
    );
  const mountDirect = async () => {
    resetRecord();
    const root = createRoot(freshRoot());
    const result = await measure(
      () => root.render(directTree('direct-0')),
      allHold('direct-0'),
      'the direct mount',
    );
    return { root, result };
  };

  // Mounts alternate; the warm-up mounts of each are not counted, the median of the rest is.
  const oursMounts = [];
  const directMounts = [];
  for (let round = 0; round < WARM_UP_MOUNTS + MOUNTS; round += 1) {
    const ours = await mountOurs();
    ours.root.unmount();
    const direct = await mountDirect();
    direct.root.unmount();
    if (round >= WARM_UP_MOUNTS) {
      oursMounts.push(ours.result);
      directMounts.push(direct.result);
    }
  }

  const ours = await mountOurs();
  const oursSwaps = [];
  for (let swap = 0; swap < SWAPS; swap += 1) {
    oursSwaps.push(
      await measure(
        () => refresh(),
        () => allHold(current)(),
        'the token swap',
      ),
    );
  }
  const oursRecreated = record.created - ELEMENTS;
  ours.root.unmount();

  const direct = await mountDirect();
  const directSwaps = [];
  for (let swap = 1; swap <= SWAPS; swap += 1) {
    const token = `direct-${swap}`;
    directSwaps.push(
      await measure(() => direct.root.render(directTree(token)), allHold(token), 'the direct swap'),
    );
  }
  const directRecreated = record.created - ELEMENTS;
  direct.root.unmount();

  const summary = (mounts, swaps, recreated) => ({
    mountCommitMs: median(mounts.map((mount) => mount.commitMs)),
    mountWallMs: median(mounts.map((mount) => mount.wallMs)),
    swapCommitMs: median(swaps.map((swap) => swap.commitMs)),
    swapWallMs: median(swaps.map((swap) => swap.wallMs)),
    recreated,
  });
  return {
    elements: ELEMENTS,
    swaps: SWAPS,
    mounts: MOUNTS,
    warmUpMounts: WARM_UP_MOUNTS,
    ours: summary(oursMounts, oursSwaps, oursRecreated),
    direct: summary(directMounts, directSwaps, directRecreated),
    chromium: await runInChromium(),
  };
}
