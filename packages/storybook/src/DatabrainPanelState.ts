import type { StoryGrant } from './grantForPersona.ts';
import type { StorybookMode } from './storybookMode.ts';

/** One request to the addon's routes, as the DataBrain panel lists it. */
export interface PanelRequest {
  /** Counts the requests of one page, from 1. */
  readonly id: number;
  readonly method: string;
  /** Path and query on the Storybook's origin. */
  readonly path: string;
  /** The HTTP status, or `0` when no answer came (network failure, abort). */
  readonly status: number;
  readonly durationMs: number;
  /** Epoch ms. */
  readonly at: number;
}

/**
 * What the preview tells the DataBrain panel about the current story, over
 * Storybook's channel: who is signed in, what their token grants, the token,
 * the requests so far and the last error.
 */
export interface DatabrainPanelState {
  readonly storyId: string;
  readonly mode: StorybookMode;
  readonly persona: {
    readonly name: string;
    readonly label: string;
    /** `true` when the story pins it (`parameters.databrain.persona`): the toolbar does not apply. */
    readonly pinned: boolean;
  };
  /** `'addon'`: the addon's provider; `'story'`: the story renders its own. */
  readonly provider: 'addon' | 'story';
  /** The persona's grant with the story's overrides: tenant, filters, permissions, lifetime. */
  readonly grant: StoryGrant;
  /** The current token: its first characters and when it expires (`null` = never). */
  readonly token: { readonly preview: string; readonly expiresAt: number | null } | null;
  readonly requests: readonly PanelRequest[];
  readonly lastError: { readonly code: string; readonly message: string; readonly at: number } | null;
}

/** The channel events between the preview and the panel. */
export const PANEL_EVENTS = {
  /** preview → manager: the whole state, after every change. */
  state: 'databrain-embed/state',
  /** manager → preview: send the state again (a panel opened late). */
  requestState: 'databrain-embed/request-state',
} as const;

/** The addon's id and its panel's, as Storybook registers them. */
export const ADDON_ID = 'databrain-embed';
export const PANEL_ID = 'databrain-embed/panel';
