import type { GuestTokenRequest } from '@databrain-embed/core';

/**
 * What the emulator remembers about a guest token it issued: the request it
 * was minted from, and when it was issued and expires (epoch ms, from the
 * emulator's clock; `expiresAt: null` = never).
 *
 * @example
 * ```ts
 * const claims = emulator.getTokenClaims(token);
 * claims?.clientId; // 'acme'
 * ```
 */
export interface GuestTokenClaims {
  readonly clientId: string;
  readonly dataAppName: string;
  readonly params: NonNullable<GuestTokenRequest['params']>;
  readonly permissions: NonNullable<GuestTokenRequest['permissions']>;
  readonly datasourceName: string | null;
  readonly issuedAt: number;
  readonly expiresAt: number | null;
}
