import type { DatabrainPanelState, PanelRequest } from './DatabrainPanelState.ts';

/** Enough for any story; older requests drop off the list. */
const MAX_REQUESTS = 50;

/**
 * What the preview records for the DataBrain panel, one story at a time.
 *
 * @example
 * ```ts
 * const activity = createStoryActivity();
 * activity.subscribe((state) => channel.emit(PANEL_EVENTS.state, state));
 * ```
 */
export interface StoryActivity {
  /** A story (re)renders with this persona and grant; a new story starts a new record. */
  begin(story: Omit<DatabrainPanelState, 'token' | 'requests' | 'lastError'>): void;
  tokenReceived(token: string, expiresAt: number | null): void;
  requestDone(request: PanelRequest): void;
  failed(code: string, message: string): void;
  snapshot(): DatabrainPanelState | null;
  subscribe(listener: (state: DatabrainPanelState) => void): () => void;
}

/**
 * A small store of the current story's DataBrain activity. Listeners hear
 * once per burst of changes (a microtask later), so a render that changes
 * three things sends one message.
 *
 * @example
 * ```ts
 * const activity = createStoryActivity();
 * activity.begin({ storyId: 'dashboard--default', mode: 'emulator', persona, provider: 'addon', grant });
 * ```
 */
export function createStoryActivity(): StoryActivity {
  let state: DatabrainPanelState | null = null;
  const listeners = new Set<(state: DatabrainPanelState) => void>();
  let scheduled = false;

  const change = (next: DatabrainPanelState) => {
    state = next;
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (state) for (const listener of listeners) listener(state);
    });
  };

  return {
    begin(story) {
      if (state?.storyId !== story.storyId) {
        change({ ...story, token: null, requests: [], lastError: null });
        return;
      }
      const samePersona = state.persona.name === story.persona.name;
      const same =
        samePersona &&
        state.persona.pinned === story.persona.pinned &&
        state.provider === story.provider &&
        JSON.stringify(state.grant) === JSON.stringify(story.grant);
      // Re-renders (args, controls) change nothing; another persona or grant means another token.
      if (!same) change({ ...state, ...story, token: samePersona ? state.token : null });
    },
    tokenReceived(token, expiresAt) {
      if (!state || state.token?.preview === `${token.slice(0, 8)}…`) return;
      change({ ...state, token: { preview: `${token.slice(0, 8)}…`, expiresAt } });
    },
    requestDone(request) {
      if (!state) return;
      change({ ...state, requests: [...state.requests, request].slice(-MAX_REQUESTS) });
    },
    failed(code, message) {
      if (!state) return;
      change({ ...state, lastError: { code, message, at: Date.now() } });
    },
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
