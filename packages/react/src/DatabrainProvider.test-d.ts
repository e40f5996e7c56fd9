import type { DatabrainError } from '@databrain-embed/core/errors';
import { describe, expectTypeOf, it } from 'vitest';
import type { DatabrainProviderProps } from './DatabrainProvider.tsx';
import type { ReceivedToken, TokenOrigin, TokenSessionState } from './session/TokenSessionState.ts';
import type { GuestTokenState, useGuestToken } from './useGuestToken.ts';
import type { useTokenSession } from './useTokenSession.ts';

describe('DatabrainProvider types', () => {
  it('takes exactly one token source', () => {
    expectTypeOf({ tokenEndpoint: '/api/databrain/token' }).toExtend<DatabrainProviderProps>();
    expectTypeOf({
      fetchToken: async () => ({ token: 't', expiresIn: null }),
    }).toExtend<DatabrainProviderProps>();
    expectTypeOf({}).not.toExtend<DatabrainProviderProps>();
    expectTypeOf({
      tokenEndpoint: '/t',
      fetchToken: async () => ({ token: 't', expiresIn: null }),
    }).not.toExtend<DatabrainProviderProps>();
  });

  it('names a shared token source with a string or turns sharing off with false, never true', () => {
    expectTypeOf({ tokenEndpoint: '/t', crossTabKey: 'analytics' }).toExtend<DatabrainProviderProps>();
    expectTypeOf({ tokenEndpoint: '/t', crossTabKey: false as const }).toExtend<DatabrainProviderProps>();
    expectTypeOf({ tokenEndpoint: '/t', crossTabKey: true as const }).not.toExtend<DatabrainProviderProps>();
  });

  it('hands callbacks a DatabrainError and a token with its origin', () => {
    expectTypeOf<
      Parameters<NonNullable<DatabrainProviderProps['onError']>>[0]
    >().toEqualTypeOf<DatabrainError>();
    expectTypeOf<
      Parameters<NonNullable<DatabrainProviderProps['onTokenRefresh']>>[0]
    >().toEqualTypeOf<ReceivedToken>();
    expectTypeOf<ReceivedToken['receivedFrom']>().toEqualTypeOf<TokenOrigin>();
  });

  it('keeps the shape of useGuestToken() and adds the session fields in useTokenSession()', () => {
    expectTypeOf<ReturnType<typeof useGuestToken>>().toEqualTypeOf<GuestTokenState>();
    expectTypeOf<keyof GuestTokenState>().toEqualTypeOf<
      'token' | 'expiresAt' | 'error' | 'status' | 'isRefreshing' | 'refresh'
    >();
    expectTypeOf<ReturnType<typeof useTokenSession>>().toEqualTypeOf<TokenSessionState>();
    expectTypeOf<TokenSessionState['receivedFrom']>().toEqualTypeOf<TokenOrigin | null>();
  });
});
