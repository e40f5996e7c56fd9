import { DATABRAIN_ENDPOINTS } from '@databrain-embed/core';
import {
  EMULATOR_API_KEY,
  EMULATOR_DATA_APP,
  type EmulatorFault,
  type RunningEmulator,
  startEmulator,
} from '@databrain-embed/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../test/seededRandom.mjs';
import { createDatabrainClient } from './createDatabrainClient.ts';
import { createGuestTokenHandler } from './createGuestTokenHandler.ts';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterEach(async () => {
  await emulator.close();
});

const FAULTS: EmulatorFault[] = [
  { status: 500, times: 1 },
  { status: 429, times: 1, retryAfter: 0 },
  { drop: true, times: 1 },
];

describe('token reuse under upstream faults', () => {
  it('fails no request of a user who already holds a reusable token, with 20 % of DataBrain calls failing', async () => {
    // Seeded, so every run meets the same faults in the same order.
    const random = seededRandom(13);
    const path = DATABRAIN_ENDPOINTS.guestToken;
    const handler = createGuestTokenHandler({
      client: createDatabrainClient({
        apiKey: EMULATOR_API_KEY,
        baseUrl: emulator.url,
        retryDelay: 5,
        tokenReuse: true,
        // One call in five to DataBrain meets a 500, a 429 or a dropped connection.
        fetch: (input, init) => {
          if (random() < 0.2)
            emulator.faults.add(FAULTS[Math.floor(random() * FAULTS.length)] as EmulatorFault);
          return fetch(input, init);
        },
      }),
      dataAppName: EMULATOR_DATA_APP,
      authorize: (request) => {
        const user = request.headers.get('x-user');
        return user ? { clientId: `tenant-${user.slice(-1)}`, params: { userIdentifier: user } } : null;
      },
      expiresIn: '1h',
    });

    const users = Array.from({ length: 40 }, (_, index) => `user-${index}`);
    const outcome = { holderRequests: 0, holderFailures: 0, firstRequests: 0, firstFailures: 0 };
    // Each user asks five times, one request after the other; users run at once, in a shuffled order.
    const order = [...users].sort(() => random() - 0.5);
    await Promise.all(
      order.map(async (user) => {
        let holds = false;
        for (let call = 0; call < 5; call += 1) {
          const response = await handler(
            new Request('http://app.example.com/api/databrain/token', {
              method: 'POST',
              headers: { 'x-user': user },
            }),
          );
          const ok = response.status === 200;
          if (holds) {
            outcome.holderRequests += 1;
            if (!ok) outcome.holderFailures += 1;
          } else {
            outcome.firstRequests += 1;
            if (!ok) outcome.firstFailures += 1;
          }
          if (ok) {
            const body = (await response.json()) as { token: string };
            expect(emulator.getTokenClaims(body.token)?.params?.userIdentifier).toBe(user);
            holds = true;
          }
        }
      }),
    );

    const upstream = emulator.requests.filter((entry) => entry.path === path);
    const failedUpstream = upstream.filter((entry) => entry.status !== 200);
    // The load was real: DataBrain failed calls, of every kind.
    expect(failedUpstream.length).toBeGreaterThan(0);
    expect(new Set(failedUpstream.map((entry) => entry.status))).toEqual(new Set([0, 429, 500]));
    expect(outcome.holderRequests).toBeGreaterThan(100);
    expect(outcome.holderFailures).toBe(0);
    // Holders never reached DataBrain: only first tokens (and their retries) were minted.
    expect(upstream.filter((entry) => entry.status === 200).length).toBe(users.length);
  });
});
