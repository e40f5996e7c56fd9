// T tabs of one browser profile (pages of one Playwright context) open the
// served app at once and run for K token lifetimes in real time. Measures the
// token requests the handler answered, the longest time any tab's element held
// no valid token, and elements created beyond one per tab. Shared by the tabs
// test (which asserts) and `pnpm bench` (which reports).
import { setTimeout as sleep } from 'node:timers/promises';

/** The provider's default refresh margin: a fifth of the lifetime, at most a minute. */
export function defaultRefreshMarginMs(lifetimeMs) {
  return Math.min(60_000, lifetimeMs / 5);
}

/** Token requests one tab alone needs in `lifetimes` lifetimes: one, then one per (lifetime − margin). */
export function idealRequests(lifetimes, lifetimeMs) {
  return Math.ceil((lifetimes * lifetimeMs) / (lifetimeMs - defaultRefreshMarginMs(lifetimeMs)));
}

/**
 * Runs in every page before the app (an init script): logs each token the
 * page's `dbn-dashboard` receives, with the page's time, and keeps the first
 * element node so the end can check it is still the one on the page. The
 * preview element sets `data-token-version` whenever its token changes.
 */
function recordTokens() {
  const record = { log: [], elements: 0, first: null };
  const seen = new WeakSet();
  const note = (element) => {
    if (!seen.has(element)) {
      seen.add(element);
      record.elements += 1;
      record.first ??= element;
    }
    const token = element.token;
    if (typeof token === 'string' && token !== '' && record.log.at(-1)?.token !== token)
      record.log.push({ at: Date.now(), token });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') note(mutation.target);
      for (const node of mutation.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName === 'dbn-dashboard') note(node);
        for (const inner of node.querySelectorAll('dbn-dashboard')) note(inner);
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-token-version'],
  });
  Object.defineProperty(window, '__databrainTabsRecord', { value: record });
}

function readRecord() {
  const record = window.__databrainTabsRecord;
  const current = document.querySelectorAll('dbn-dashboard');
  return {
    log: record.log,
    elements: record.elements,
    onPage: current.length,
    sameElement: current.length === 1 && current[0] === record.first,
  };
}

/**
 * The longest stretch of [from, to) during which the token held (per `log`)
 * was unknown to the emulator or past its expiry.
 */
export function longestInvalidMs(log, from, to, expiryOf) {
  let longest = 0;
  let stretchStart = null;
  let stretchEnd = null;
  const invalid = (start, end) => {
    if (stretchEnd !== null && start <= stretchEnd) stretchEnd = Math.max(stretchEnd, end);
    else {
      stretchStart = start;
      stretchEnd = end;
    }
    longest = Math.max(longest, stretchEnd - stretchStart);
  };
  for (let index = 0; index < log.length; index += 1) {
    const start = Math.max(log[index].at, from);
    const end = Math.min(log[index + 1]?.at ?? to, to);
    if (end <= start) continue;
    const expiresAt = expiryOf(log[index].token);
    if (expiresAt === undefined) invalid(start, end);
    else if (expiresAt !== null && expiresAt < end) invalid(Math.max(start, expiresAt), end);
  }
  return longest;
}

/**
 * Runs one tab of a measurement: opens it `openAtMs` after the start, closes
 * it at `closeAtMs` if given, and returns its record with the moment it ended.
 */
async function runTab(context, app, { openAtMs, closeAtMs }, startedAt, endAt) {
  await sleep(Math.max(0, startedAt + openAtMs - Date.now()));
  const openedAt = Date.now();
  const page = await context.newPage();
  await page.goto(app.pageUrl);
  const closesAt = closeAtMs === undefined ? endAt : Math.min(endAt, startedAt + closeAtMs);
  await sleep(Math.max(0, closesAt - Date.now()));
  const record = await page.evaluate(readRecord);
  const endedAt = Math.min(Date.now(), endAt);
  if (closeAtMs !== undefined) await page.close();
  return { record, openedAt, endedAt };
}

/**
 * Opens `tabs` pages of one new context on `app.pageUrl` (together, or as
 * `plan` says: when each opens and closes, in ms from the start), runs
 * `lifetimes` token lifetimes from the start, and reports.
 */
export async function measureTabs({ browser, app, tabs, lifetimes, lifetimeMs, plan }) {
  const steps = plan ?? Array.from({ length: tabs }, () => ({ openAtMs: 0 }));
  if (steps.length !== tabs) throw new Error(`the plan has ${steps.length} tabs, not ${tabs}`);
  const context = await browser.newContext();
  try {
    await context.addInitScript(recordTokens);
    const requestsBefore = app.tokenRequests.length;
    const startedAt = Date.now();
    const endAt = startedAt + lifetimes * lifetimeMs;
    const ran = await Promise.all(steps.map((step) => runTab(context, app, step, startedAt, endAt)));
    const answered = app.tokenRequests.slice(requestsBefore).filter((request) => request.at < endAt);

    const perTab = ran.map(({ record, openedAt, endedAt }) => {
      const first = record.log[0];
      return {
        firstTokenMs: first ? first.at - openedAt : null,
        // A tab that never got a token held none while it was open.
        longestInvalidMs: first
          ? longestInvalidMs(record.log, first.at, endedAt, app.expiryOf)
          : endedAt - openedAt,
        tokensReceived: record.log.length,
        elementsCreated: record.elements,
        sameElement: record.sameElement,
      };
    });
    return {
      tabs,
      lifetimes,
      lifetimeMs,
      requests: answered.length,
      // When each request arrived, in ms from the start: shows which round asked twice.
      requestAtMs: answered.map((request) => request.at - startedAt),
      idealRequests: idealRequests(lifetimes, lifetimeMs),
      worstInvalidMs: Math.max(0, ...perTab.map((tab) => tab.longestInvalidMs)),
      recreated: perTab.reduce((sum, tab) => sum + Math.max(0, tab.elementsCreated - 1), 0),
      tabsWithoutToken: perTab.filter((tab) => tab.firstTokenMs === null).length,
      tabsWithOtherElement: perTab.filter((tab) => !tab.sameElement).length,
      distinctTokens: new Set(
        ran.flatMap(({ record, endedAt }) =>
          record.log.filter((entry) => entry.at < endedAt).map((entry) => entry.token),
        ),
      ).size,
      slowestFirstTokenMs: Math.max(0, ...perTab.map((tab) => tab.firstTokenMs ?? lifetimes * lifetimeMs)),
    };
  } finally {
    await context.close();
  }
}
