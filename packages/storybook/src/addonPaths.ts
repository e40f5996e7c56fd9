/**
 * Where the addon's token endpoint answers, on the Storybook's own origin:
 * in `storybook dev` the dev server mounts the real `createGuestTokenHandler`
 * here; in a static build the addon answers it inside the page. It is the
 * path apps conventionally give their own endpoint, so a component of yours
 * that renders `<DatabrainProvider tokenEndpoint="/api/databrain/token">`
 * works in a story unchanged.
 *
 * @example
 * ```tsx
 * import { DATABRAIN_TOKEN_PATH } from '@databrain-embed/storybook';
 * <DatabrainProvider tokenEndpoint={DATABRAIN_TOKEN_PATH}>…</DatabrainProvider>;
 * ```
 */
export const DATABRAIN_TOKEN_PATH = '/api/databrain/token' as const;

/**
 * Where the addon's metric-data endpoint answers (what `useMetricData` of
 * `@databrain-embed/react/data` asks), on the Storybook's own origin: in
 * `storybook dev` the dev server mounts the real `createMetricDataHandler`
 * here; in a static build the addon answers it inside the page. The addon's
 * provider passes it as `dataEndpoint`; a provider of your own may too.
 *
 * @example
 * ```tsx
 * import { DATABRAIN_DATA_PATH, DATABRAIN_TOKEN_PATH } from '@databrain-embed/storybook';
 * <DatabrainProvider tokenEndpoint={DATABRAIN_TOKEN_PATH} dataEndpoint={DATABRAIN_DATA_PATH}>…</DatabrainProvider>;
 * ```
 */
export const DATABRAIN_DATA_PATH = '/api/databrain/data' as const;

/**
 * The path prefix under which the emulator's two preview routes answer on the
 * Storybook's origin (`/databrain-emulator/api/v2/dashboard?dashboardId=…`),
 * read by the preview elements the addon defines.
 *
 * @example
 * ```ts
 * import { DATABRAIN_PREVIEW_PATH } from '@databrain-embed/storybook';
 * await definePreviewElements({ apiUrl: `${location.origin}${DATABRAIN_PREVIEW_PATH}` });
 * ```
 */
export const DATABRAIN_PREVIEW_PATH = '/databrain-emulator' as const;

/**
 * The cookie the addon sets to the current persona's name before a story
 * renders, so a token request that names no persona (your own provider's)
 * is answered for the persona of the toolbar.
 *
 * @example
 * ```ts
 * import { DATABRAIN_PERSONA_COOKIE } from '@databrain-embed/storybook';
 * document.cookie.includes(`${DATABRAIN_PERSONA_COOKIE}=`);
 * ```
 */
export const DATABRAIN_PERSONA_COOKIE = 'databrain-storybook-persona' as const;

/**
 * The Storybook global that holds the selected persona: the toolbar sets it,
 * and a story URL may too (`?globals=databrainPersona:globex-editor`).
 *
 * @example
 * ```ts
 * import { DATABRAIN_PERSONA_GLOBAL } from '@databrain-embed/storybook';
 * const url = `/?path=/story/analytics--default&globals=${DATABRAIN_PERSONA_GLOBAL}:globex-editor`;
 * ```
 */
export const DATABRAIN_PERSONA_GLOBAL = 'databrainPersona' as const;
