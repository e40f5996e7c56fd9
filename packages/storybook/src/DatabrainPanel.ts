// Storybook's manager brings its own React (a global) but no JSX runtime: this panel makes its
// elements with that React's createElement (`h`), so they are elements of the React that renders them.
import {
  type CSSProperties,
  Fragment,
  createElement as h,
  type ReactElement,
  useEffect,
  useState,
} from 'react';
import type { DatabrainPanelState, PanelRequest } from './DatabrainPanelState.ts';
import { formatGrant, formatTimeLeft } from './formatGrant.ts';

const sectionStyle: CSSProperties = { padding: '10px 15px', borderBottom: '1px solid rgba(128,128,128,0.2)' };
const headingStyle: CSSProperties = {
  margin: '0 0 6px',
  fontSize: 12,
  fontWeight: 700,
  textTransform: 'uppercase',
  opacity: 0.7,
};
const listStyle: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '3px 16px',
  margin: 0,
};
const muted: CSSProperties = { opacity: 0.7 };
const mono: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace',
  whiteSpace: 'pre-wrap',
};

/** Re-renders once a second, for the countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** A titled part of the panel. */
function section(title: string, ...children: (ReactElement | string)[]): ReactElement {
  return h('section', { style: sectionStyle }, h('h3', { style: headingStyle }, title), ...children);
}

/** A list of label → value rows. */
function list(rows: readonly [label: string, value: ReactElement | string][]): ReactElement {
  return h(
    'dl',
    { style: listStyle },
    ...rows.map(([label, value]) =>
      h(
        Fragment,
        { key: label },
        h('dt', { style: muted }, label),
        h('dd', { style: { margin: 0, ...mono } }, value),
      ),
    ),
  );
}

function requestRow(request: PanelRequest): ReactElement {
  return h(
    'tr',
    { key: request.id },
    h('td', { style: { paddingRight: 12 } }, request.method),
    h('td', { style: { paddingRight: 12, wordBreak: 'break-all' } }, request.path),
    h('td', { style: { paddingRight: 12 } }, request.status === 0 ? 'failed' : String(request.status)),
    h('td', { style: muted }, `${request.durationMs} ms`),
  );
}

/**
 * The "DataBrain" panel: who the story is signed in as, what the token
 * grants, the token with its expiry counting down, the requests to the
 * addon's routes so far and the last error with its code. Fed by the
 * preview over Storybook's channel.
 *
 * @example
 * ```ts
 * createElement(DatabrainPanel, { state });
 * ```
 */
export function DatabrainPanel({ state }: { state: DatabrainPanelState | null }): ReactElement {
  const now = useNow();
  if (state === null) {
    return h(
      'p',
      { style: { ...sectionStyle, ...muted }, 'data-testid': 'databrain-panel-empty' },
      'No DataBrain story has rendered yet. Open a story that embeds a dashboard or a metric.',
    );
  }
  const { persona, grant, token, requests, lastError } = state;
  const source = persona.pinned ? 'pinned by the story' : 'from the toolbar';
  return h(
    'div',
    { 'data-testid': 'databrain-panel', style: { fontSize: 13 } },
    section(
      'Persona',
      list([
        ['signed in as', `${persona.label} (${persona.name}) · ${source}`],
        ['provider', state.provider === 'addon' ? "the addon's" : "the story's own"],
        ['mode', state.mode],
      ]),
    ),
    section(
      'Token',
      list([
        ['token', token ? token.preview : 'none yet'],
        [
          'expires',
          h(
            'span',
            { 'data-testid': 'databrain-panel-expiry' },
            token ? formatTimeLeft(token.expiresAt, now) : '—',
          ),
        ],
        ...formatGrant(grant).map((line): [string, string] => [line.label, line.text]),
      ]),
    ),
    section(
      `Requests (${requests.length})`,
      requests.length === 0
        ? h('p', { style: { margin: 0, ...muted } }, 'none yet')
        : h(
            'table',
            { style: { borderCollapse: 'collapse', width: '100%', ...mono } },
            h('tbody', null, ...requests.map(requestRow)),
          ),
    ),
    section(
      'Last error',
      lastError
        ? h(
            'p',
            { style: { margin: 0, ...mono }, 'data-testid': 'databrain-panel-error' },
            h('strong', null, lastError.code),
            ` ${lastError.message}`,
          )
        : h('p', { style: { margin: 0, ...muted } }, 'none'),
    ),
  );
}
