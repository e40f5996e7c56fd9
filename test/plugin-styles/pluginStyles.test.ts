import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureApp } from '../buildFixtureApp.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.ts';
import { serveFile } from '../serveFile.mjs';
import type {} from './fixture/fixtureApi.ts';
import type { HostStyle } from './fixture/readHostStyles.ts';

// The real @databrainhq/plugin in Chromium, on a host page with its own rules
// (fixture/index.html), rendered through <DatabrainProvider> and <Dashboard>.
// Every request off 127.0.0.1 is blocked and recorded.

const fixture = join(import.meta.dirname, 'fixture');
const FONT_HOSTS = ['fonts.googleapis.com', 'fonts.gstatic.com'];

// What the README says a Content-Security-Policy must allow (img-src for the host page's own image).
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'font-src data:',
  "img-src 'self' data:",
  "connect-src 'self' https://edetnvlrqissubqlrwbtvwx2ia0tqykw.lambda-url.us-east-1.on.aws https://jsonplaceholder.typicode.com",
].join('; ');

// Properties of the elements' own content that do not depend on the page's width.
const CONTENT_PROPERTIES = [
  'display',
  'position',
  'z-index',
  'box-sizing',
  'font-family',
  'font-size',
  'font-weight',
  'line-height',
  'color',
  'background-color',
  'text-align',
  'padding-top',
  'padding-left',
  'margin-top',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'flex-direction',
  'align-items',
  'justify-content',
  'box-shadow',
  'opacity',
];

/** What one visit of the host page saw. */
interface Visit {
  before: HostStyle[];
  after: HostStyle[];
  /** The host page after a dialog opened in the plugin's portal. */
  withPortalOpen: HostStyle[];
  leakedFrames: number;
  /** Hosts of the requests that were blocked. */
  blockedHosts: string[];
  /** What Chromium reported refusing under the page's Content-Security-Policy, if it had one. */
  cspViolations: string[];
  /** Length of the style text in the dashboard's shadow root and of the document's copy. */
  shadowStyleLength: number;
  documentStyleLength: number;
  /** Rules the shadow root's sheet and the document's sheet apply. */
  shadowRules: number;
  documentRules: number;
  /** `display` and `font-family` of the dashboard's outermost container. */
  container: { display: string; fontFamily: string };
  /** `<element> | <property>: <value>` for CONTENT_PROPERTIES of each element in the dashboard's and the portal's shadow roots. */
  content: string[];
  /** Inline style on <html> while the dashboard is shown, and after it unmounts. */
  htmlStyleShown: string;
  htmlStyleReleased: string;
  portalReleased: boolean;
  hostAfterRelease: HostStyle[];
  /** Whether `<head>` kept a patched appendChild once the dashboard showed. */
  headPatched: boolean;
}

let outDir = '';
let server: Server | undefined;
let origin = '';
let browser: Browser | undefined;
type Isolation = 'before' | 'preload' | 'after' | 'off';
type VisitName =
  | 'isolated'
  | 'preloaded with loadElements()'
  | 'isolated after the import'
  | 'not isolated'
  | 'isolated, with a CSP'
  | 'not isolated, with a CSP';
const visits = new Map<VisitName, Visit>();

async function serve(root: string): Promise<Server> {
  const files = createServer((request, response) => {
    if (request.url?.includes('csp=on'))
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    serveFile(root, request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  return files;
}

async function waitForDashboard(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.querySelector('dbn-dashboard')?.shadowRoot?.querySelector('style')?.textContent ?? '') !== '',
    null,
    { timeout: 30_000 },
  );
}

async function visit(isolation: Isolation, csp = false): Promise<Visit> {
  const page = await (browser as Browser).newPage();
  const blockedHosts: string[] = [];
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blockedHosts.push(url.hostname);
    return route.abort('blockedbyclient');
  });
  await page.goto(`${origin}/?isolate=${isolation}&csp=${csp ? 'on' : 'off'}`);
  const before = await page.evaluate(() => window.pluginStylesFixture.readHostStyles());
  if (isolation === 'preload') await page.evaluate(() => window.pluginStylesFixture.preload());
  await page.evaluate(() => window.pluginStylesFixture.mountDashboard());
  await waitForDashboard(page);
  const after = await page.evaluate(() => window.pluginStylesFixture.readHostStyles());
  const headPatched = await page.evaluate(() => window.pluginStylesFixture.headPatched());
  // The plugin's "No Internet Connection" dialog opens in #dbn-portal on an offline event.
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await page.waitForFunction(() =>
    document.getElementById('dbn-portal')?.shadowRoot?.querySelector('dialog'),
  );
  const withPortalOpen = await page.evaluate(() => window.pluginStylesFixture.readHostStyles());
  const shown = await page.evaluate((properties) => {
    const documentStyle = document.getElementById('dbn-styles') as HTMLStyleElement;
    const shadow = document.querySelector('dbn-dashboard')?.shadowRoot as ShadowRoot;
    const shadowStyle = shadow.querySelector('style') as HTMLStyleElement;
    const container = getComputedStyle(shadow.querySelector('div') as HTMLDivElement);
    const portal = document.getElementById('dbn-portal')?.shadowRoot as ShadowRoot;
    // Each element named by its root, tag, classes and how many alike came before it.
    const seen = new Map<string, number>();
    const content = [shadow, portal].flatMap((root, rootIndex) =>
      Array.from(root.querySelectorAll('*'))
        .filter((element) => element.localName !== 'style')
        .flatMap((element) => {
          const name = `${rootIndex ? 'portal' : 'dashboard'} ${element.localName}.${element.getAttribute('class') ?? ''}`;
          const nth = (seen.get(name) ?? 0) + 1;
          seen.set(name, nth);
          const computed = getComputedStyle(element);
          return properties.map(
            (property) => `${name} #${nth} | ${property}: ${computed.getPropertyValue(property)}`,
          );
        }),
    );
    return {
      shadowStyleLength: shadowStyle.textContent?.length ?? 0,
      documentStyleLength: documentStyle.textContent?.length ?? 0,
      shadowRules: shadowStyle.sheet?.cssRules.length ?? 0,
      documentRules: documentStyle.sheet?.cssRules.length ?? 0,
      container: { display: container.display, fontFamily: container.fontFamily },
      content,
      htmlStyleShown: document.documentElement.getAttribute('style') ?? '',
    };
  }, CONTENT_PROPERTIES);
  await page.evaluate(() => window.pluginStylesFixture.unmountDashboard());
  const released = await page.evaluate(() => ({
    htmlStyleReleased: document.documentElement.getAttribute('style') ?? '',
    portalReleased: !document.getElementById('dbn-portal'),
    hostAfterRelease: window.pluginStylesFixture.readHostStyles(),
  }));
  const leakedFrames = await page.evaluate(() => window.pluginStylesFixture.leakedFrames());
  await page.close();
  return {
    before,
    after,
    withPortalOpen,
    leakedFrames,
    blockedHosts,
    cspViolations,
    headPatched,
    ...shown,
    ...released,
  };
}

function changes(before: HostStyle[], after: HostStyle[]): string[] {
  return after
    .map((style, index) => ({ style, was: before[index]?.value }))
    .filter(({ style, was }) => style.value !== was)
    .map(({ style, was }) => `${style.element} ${style.property}: ${was} → ${style.value}`);
}

/** The lines of both contents whose element both showed. */
function shared(first: string[], second: string[]): [string[], string[]] {
  const elementOf = (line: string) => line.split(' | ')[0];
  const inFirst = new Set(first.map(elementOf));
  const inSecond = new Set(second.map(elementOf));
  return [
    first.filter((line) => inSecond.has(elementOf(line))),
    second.filter((line) => inFirst.has(elementOf(line))),
  ];
}

function visited(name: VisitName): Visit {
  const result = visits.get(name);
  if (!result) throw new Error(`The host page was not visited ${name}.`);
  return result;
}

beforeAll(async () => {
  outDir = await buildFixtureApp({
    root: fixture,
    conditions: ['@databrain-embed/source', 'module', 'browser', 'production'],
  });
  server = await serve(outDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  visits.set('isolated', await visit('before'));
  visits.set('preloaded with loadElements()', await visit('preload'));
  visits.set('isolated after the import', await visit('after'));
  visits.set('not isolated', await visit('off'));
  visits.set('isolated, with a CSP', await visit('before', true));
  visits.set('not isolated, with a CSP', await visit('off', true));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('a dashboard on a host page with its own styles, with the plugin styles isolated', () => {
  it('changes no computed style of the host page, not even for one painted frame', () => {
    const { before, after, withPortalOpen, leakedFrames } = visited('isolated');
    expect(before.length).toBeGreaterThan(500);
    expect(changes(before, after)).toEqual([]);
    expect(changes(before, withPortalOpen)).toEqual([]);
    expect(leakedFrames).toBe(0);
  });

  it("keeps the plugin's full stylesheet in the element's shadow root, which styles its content", () => {
    const { shadowStyleLength, shadowRules, documentStyleLength, documentRules, container } =
      visited('isolated');
    expect(shadowStyleLength).toBeGreaterThan(2_000_000);
    expect(shadowStyleLength).toBe(documentStyleLength);
    expect(shadowRules).toBeGreaterThan(1_000);
    // 8 @font-face rules, :root's variables, the inherited defaults moved off <html>.
    expect(documentRules).toBe(10);
    expect(container).toEqual({ display: 'flex', fontFamily: 'Inter, sans-serif, Inter' });
  });

  it('shows the dashboard and the dialogs in its portal exactly as without isolation', () => {
    // The dashboard may have moved on from its spinner in one visit: compare the elements both showed.
    const [isolated, notIsolated] = shared(visited('isolated').content, visited('not isolated').content);
    expect(isolated).toContain('portal dialog._dialog_1jybx_1 #1 | z-index: 99999');
    expect(isolated).toContain(
      'dashboard div._embedDashboard-container_uwi07_5 dbn-dashboard #1 | display: flex',
    );
    expect(isolated.length).toBeGreaterThanOrEqual(5 * CONTENT_PROPERTIES.length);
    expect(isolated).toEqual(notIsolated);
  });

  it('requests no font host', () => {
    const { blockedHosts } = visited('isolated');
    // The page did reach out: DataBrain's backend was asked for the dashboard.
    expect(blockedHosts.length).toBeGreaterThan(0);
    expect(blockedHosts.filter((host) => FONT_HOSTS.includes(host))).toEqual([]);
  });

  it('works under a Content-Security-Policy with no fonts host', () => {
    const { cspViolations, before, after, container } = visited('isolated, with a CSP');
    expect(cspViolations).toEqual([]);
    expect(changes(before, after)).toEqual([]);
    expect(container).toEqual(visited('isolated').container);
  });

  it('removes the theme variables and the portal from the page when the dashboard unmounts', () => {
    const { htmlStyleShown, htmlStyleReleased, portalReleased, before, hostAfterRelease } =
      visited('isolated');
    expect(htmlStyleShown).toContain('--databrainhq-plugin-color-primary: #4f46e5');
    expect(htmlStyleReleased).toBe('');
    expect(portalReleased).toBe(true);
    expect(changes(before, hostAfterRelease)).toEqual([]);
  });
});

describe('the same page with the elements preloaded by loadElements() before the provider mounts', () => {
  it('changes no computed style of the host page, not even for one painted frame', () => {
    const { before, after, withPortalOpen, leakedFrames, container } = visited(
      'preloaded with loadElements()',
    );
    expect(before.length).toBeGreaterThan(500);
    expect(changes(before, after)).toEqual([]);
    expect(changes(before, withPortalOpen)).toEqual([]);
    expect(leakedFrames).toBe(0);
    expect(container).toEqual(visited('isolated').container);
  });

  it('requests no font host', () => {
    const { blockedHosts } = visited('preloaded with loadElements()');
    expect(blockedHosts.length).toBeGreaterThan(0);
    expect(blockedHosts.filter((host) => FONT_HOSTS.includes(host))).toEqual([]);
  });
});

describe('what stays patched', () => {
  it('leaves no appendChild of its own on <head> once the elements loaded, whichever way they did', () => {
    expect(visited('isolated').headPatched).toBe(false);
    expect(visited('preloaded with loadElements()').headPatched).toBe(false);
    expect(visited('isolated after the import').headPatched).toBe(false);
  });
});

describe('the same page with the styles isolated only after the import resolved', () => {
  it('changes no computed style of the host page in any painted frame', () => {
    const { before, after, leakedFrames, shadowStyleLength, container } =
      visited('isolated after the import');
    expect(changes(before, after)).toEqual([]);
    expect(leakedFrames).toBe(0);
    expect(shadowStyleLength).toBeGreaterThan(2_000_000);
    expect(container).toEqual(visited('isolated').container);
  });

  it('still made the one font request the import itself started, and no other', () => {
    const { blockedHosts } = visited('isolated after the import');
    expect(blockedHosts.filter((host) => FONT_HOSTS.includes(host))).toEqual(['fonts.googleapis.com']);
  });
});

describe('the same page without isolation (the check above can fail)', () => {
  it('changes the host page', () => {
    const { before, after, leakedFrames } = visited('not isolated');
    const changed = changes(before, after);
    expect(changed.length).toBeGreaterThanOrEqual(10);
    expect(changed).toContain('#hidden display: block → none');
    expect(changed).toContain('body margin-top: 24px → 0px');
    expect(leakedFrames).toBeGreaterThan(0);
  });

  it('requests the fonts host, which that Content-Security-Policy refuses', () => {
    const { blockedHosts } = visited('not isolated');
    expect(blockedHosts).toContain('fonts.googleapis.com');
    const { cspViolations } = visited('not isolated, with a CSP');
    expect(cspViolations.some((violation) => violation.includes('https://fonts.googleapis.com'))).toBe(true);
  });
});
