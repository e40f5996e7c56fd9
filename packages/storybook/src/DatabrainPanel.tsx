import { type CSSProperties, type ReactElement, useEffect, useState } from 'react';
import type { DatabrainPanelState } from './DatabrainPanelState.ts';
import { formatGrant, formatTimeLeft } from './formatGrant.ts';

const section: CSSProperties = { padding: '10px 15px', borderBottom: '1px solid rgba(128,128,128,0.2)' };
const heading: CSSProperties = { margin: '0 0 6px', fontSize: 12, fontWeight: 700, textTransform: 'uppercase', opacity: 0.7 };
const list: CSSProperties = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '3px 16px', margin: 0 };
const muted: CSSProperties = { opacity: 0.7 };
const mono: CSSProperties = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', whiteSpace: 'pre-wrap' };

/** Re-renders once a second, for the countdown. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Row({ label, children }: { label: string; children: ReactElement | string }): ReactElement {
  return (
    <>
      <dt style={muted}>{label}</dt>
      <dd style={{ margin: 0, ...mono }}>{children}</dd>
    </>
  );
}

/**
 * The "DataBrain" panel: who the story is signed in as, what the token
 * grants, the token with its expiry counting down, the requests to the
 * addon's routes so far and the last error with its code. Fed by the
 * preview over Storybook's channel.
 *
 * @example
 * ```tsx
 * <DatabrainPanel state={state} />
 * ```
 */
export function DatabrainPanel({ state }: { state: DatabrainPanelState | null }): ReactElement {
  const now = useNow();
  if (state === null) {
    return (
      <p style={{ ...section, ...muted }} data-testid="databrain-panel-empty">
        No DataBrain story has rendered yet. Open a story that embeds a dashboard or a metric.
      </p>
    );
  }
  const { persona, grant, token, requests, lastError } = state;
  return (
    <div data-testid="databrain-panel" style={{ fontSize: 13 }}>
      <section style={section}>
        <h3 style={heading}>Persona</h3>
        <dl style={list}>
          <Row label="signed in as">
            {`${persona.label} (${persona.name})${persona.pinned ? ' · pinned by the story' : ' · from the toolbar'}`}
          </Row>
          <Row label="provider">{state.provider === 'addon' ? "the addon's" : "the story's own"}</Row>
          <Row label="mode">{state.mode}</Row>
        </dl>
      </section>
      <section style={section}>
        <h3 style={heading}>Token</h3>
        <dl style={list}>
          <Row label="token">{token ? token.preview : 'none yet'}</Row>
          <Row label="expires">
            <span data-testid="databrain-panel-expiry">{token ? formatTimeLeft(token.expiresAt, now) : '—'}</span>
          </Row>
          {formatGrant(grant).map((line) => (
            <Row key={line.label} label={line.label}>
              {line.text}
            </Row>
          ))}
        </dl>
      </section>
      <section style={section}>
        <h3 style={heading}>Requests ({requests.length})</h3>
        {requests.length === 0 ? (
          <p style={{ margin: 0, ...muted }}>none yet</p>
        ) : (
          <table style={{ borderCollapse: 'collapse', width: '100%', ...mono }}>
            <tbody>
              {requests.map((request, index) => (
                <tr key={`${request.at}-${index}`}>
                  <td style={{ paddingRight: 12 }}>{request.method}</td>
                  <td style={{ paddingRight: 12, wordBreak: 'break-all' }}>{request.path}</td>
                  <td style={{ paddingRight: 12 }}>{request.status === 0 ? 'failed' : request.status}</td>
                  <td style={muted}>{request.durationMs} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section style={section}>
        <h3 style={heading}>Last error</h3>
        {lastError ? (
          <p style={{ margin: 0, ...mono }} data-testid="databrain-panel-error">
            <strong>{lastError.code}</strong> {lastError.message}
          </p>
        ) : (
          <p style={{ margin: 0, ...muted }}>none</p>
        )}
      </section>
    </div>
  );
}
