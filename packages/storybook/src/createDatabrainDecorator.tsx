import { DatabrainError } from '@databrain-embed/core/errors';
import { DatabrainProvider } from '@databrain-embed/react';
import type { Decorator } from '@storybook/react-vite';
import { type ReactElement, type ReactNode, useMemo } from 'react';
import { DATABRAIN_PERSONA_COOKIE, DATABRAIN_PERSONA_GLOBAL } from './addonPaths.ts';
import type { StoryActivity } from './createStoryActivity.ts';
import { createStoryFetchToken } from './createStoryFetchToken.ts';
import type { DatabrainPersona, ResolvedDatabrainStorybookConfig } from './DatabrainStorybookConfig.ts';
import type { DatabrainStoryParameters } from './DatabrainStoryParameters.ts';
import { databrainDataUrl } from './databrainDataUrl.ts';
import { databrainTokenUrl } from './databrainTokenUrl.ts';
import { grantForPersona } from './grantForPersona.ts';
import { parseStoryParameters } from './parseStoryParameters.ts';
import type { PreviewSettings } from './previewSettings.ts';

interface StoryProviderProps {
  readonly persona: string;
  readonly parameters: DatabrainStoryParameters;
  readonly activity: StoryActivity;
  readonly children: ReactNode;
}

/**
 * The addon's `<DatabrainProvider>`: one token per persona and overrides
 * (`scope`), so switching persona drops the old token at once and the same
 * embeds get the new one.
 */
function StoryProvider({ persona, parameters, activity, children }: StoryProviderProps): ReactElement {
  const key = JSON.stringify([persona, parameters.token ?? {}, parameters.endpoint ?? {}]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` holds every input, by value.
  const fetchToken = useMemo(() => {
    const url = databrainTokenUrl({ persona, ...parameters.endpoint });
    return createStoryFetchToken(url, parameters.token ?? {});
  }, [key]);
  // `useMetricData` under this provider asks the addon's data endpoint for the same persona, slow or
  // failing as the story's `endpoint` parameter says.
  const dataEndpoint = databrainDataUrl({ persona, ...parameters.endpoint });
  return (
    <DatabrainProvider
      fetchToken={fetchToken}
      dataEndpoint={dataEndpoint}
      scope={key}
      onTokenRefresh={({ token, expiresAt }) => activity.tokenReceived(token, expiresAt)}
      onError={(error) => activity.failed(error.code, error.message)}
    >
      {children}
    </DatabrainProvider>
  );
}

/**
 * The name of the story's persona: pinned by its parameters, else the
 * toolbar's, else the config's default; a name the config does not know
 * fails the story, saying where it came from.
 */
function personaOf(
  config: ResolvedDatabrainStorybookConfig,
  parameters: DatabrainStoryParameters,
  globals: Readonly<Record<string, unknown>>,
): { name: string; persona: DatabrainPersona } {
  const fromGlobals = globals[DATABRAIN_PERSONA_GLOBAL];
  const [name, source] =
    parameters.persona !== undefined
      ? [parameters.persona, 'parameters.databrain.persona']
      : typeof fromGlobals === 'string' && fromGlobals !== ''
        ? [fromGlobals, `the ${DATABRAIN_PERSONA_GLOBAL} global`]
        : [config.defaultPersona, 'defaultPersona'];
  const persona = Object.hasOwn(config.personas, name) ? config.personas[name] : undefined;
  if (persona === undefined) {
    throw new DatabrainError(
      'VALIDATION_ERROR',
      `${source} names the persona "${name}", which .storybook/databrain.ts does not define ` +
        `(personas: ${Object.keys(config.personas).join(', ')}).`,
    );
  }
  return { name, persona };
}

/**
 * The addon's decorator. For every story it picks the persona (toolbar,
 * or `parameters.databrain.persona`), records it for the page's token
 * requests and the DataBrain panel (and in a cookie for other clients),
 * and wraps the story in a provider whose tokens and metric data come from
 * the addon's endpoints, unless `parameters.databrain.provider` is `false`.
 *
 * @example
 * ```ts
 * export const decorators = [createDatabrainDecorator({ config, settings, activity })];
 * ```
 */
export function createDatabrainDecorator(options: {
  readonly config: ResolvedDatabrainStorybookConfig;
  readonly settings: PreviewSettings;
  readonly activity: StoryActivity;
}): Decorator {
  const { config, settings, activity } = options;
  return (Story, context) => {
    const parameters = parseStoryParameters(context.parameters.databrain);
    const { name: persona, persona: definition } = personaOf(config, parameters, context.globals);
    // Set while rendering, before any provider below asks for a token: synchronously, which the
    // Cookie Store API is not.
    // biome-ignore lint/suspicious/noDocumentCookie: see above.
    document.cookie = `${DATABRAIN_PERSONA_COOKIE}=${encodeURIComponent(persona)}; path=/; SameSite=Lax`;
    activity.begin({
      storyId: context.id,
      mode: settings.mode,
      persona: {
        name: persona,
        label: definition.label ?? persona,
        pinned: parameters.persona !== undefined,
      },
      provider: parameters.provider === false ? 'story' : 'addon',
      grant: grantForPersona(definition, parameters.provider === false ? {} : parameters.token),
    });
    if (parameters.provider === false) return <Story />;
    return (
      <StoryProvider persona={persona} parameters={parameters} activity={activity}>
        <Story />
      </StoryProvider>
    );
  };
}
