import { DatabrainProvider, type DatabrainProviderProps } from '@databrain-embed/react';
import type { ReactElement, ReactNode } from 'react';
import type { PersonaName } from '../../.storybook/personas.ts';
import { loadStoryElements } from './loadStoryElements.ts';

/**
 * The story backend's token endpoint for a persona. The browser names the
 * user only; the server decides tenant, filters, permissions and lifetime.
 * `session` keeps one story's outage switch apart from another's.
 */
export function tokenEndpointFor(user: PersonaName, session?: string): string {
  const query = new URLSearchParams({ user });
  if (session) query.set('session', session);
  return `/api/databrain/token?${query.toString()}`;
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
