import { DatabrainProvider, type DatabrainProviderProps } from '@databrain-embed/react';
import type { ReactElement, ReactNode } from 'react';
import type { PersonaName } from '../../.storybook/personas.ts';
import { DATA_PATH, TOKEN_PATH } from '../../.storybook/routes.ts';
import { loadStoryElements } from './loadStoryElements.ts';

/**
 * The story backend's token endpoint for a persona (`'nobody'`, a name the
 * server does not know, is signed out). The browser names the user only; the
 * server decides tenant, filters, permissions and lifetime. `session` keeps
 * one story's outage switch apart from another's.
 */
export function tokenEndpointFor(user: PersonaName | 'nobody', session?: string): string {
  const query = new URLSearchParams({ user });
  if (session) query.set('session', session);
  return `${TOKEN_PATH}?${query.toString()}`;
}

/**
 * The story backend's metric-data endpoint for a persona, for the provider's
 * `dataEndpoint`: as with tokens, the browser names the user only and the
 * server decides the tenant and the security filters.
 */
export function dataEndpointFor(user: PersonaName | 'nobody', session?: string): string {
  const query = new URLSearchParams({ user });
  if (session) query.set('session', session);
  return `${DATA_PATH}?${query.toString()}`;
}

/** Asks the token endpoint for a token as the provider's `tokenEndpoint` does: POST, same-origin cookies. */
export function requestToken(user: PersonaName | 'nobody', signal?: AbortSignal): Promise<Response> {
  return fetch(tokenEndpointFor(user), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal: signal ?? null,
  });
}

type ProviderOptions = Omit<DatabrainProviderProps, 'tokenEndpoint' | 'fetchToken' | 'children'>;

export type StoryDatabrainProps = ProviderOptions & {
  /** Who is signed in. */
  user: PersonaName;
  session?: string;
  children?: ReactNode;
};

/**
 * `<DatabrainProvider>` as an app would use it: the token endpoint of its
 * backend, one token per signed-in user (`scope`), and the story elements.
 */
export function StoryDatabrain({ user, session, children, ...options }: StoryDatabrainProps): ReactElement {
  return (
    <DatabrainProvider
      tokenEndpoint={tokenEndpointFor(user, session)}
      scope={session ? `${user}:${session}` : user}
      loadElements={loadStoryElements}
      {...options}
    >
      {children}
    </DatabrainProvider>
  );
}
