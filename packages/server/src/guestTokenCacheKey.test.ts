import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { guestTokenCacheKey } from './guestTokenCacheKey.ts';

const body = { dataAppName: 'demo-app', clientId: 'acme', expiryTime: 3_600_000 };

describe('guestTokenCacheKey', () => {
  it('is the SHA-256 of the canonical JSON of the base URL and the body', async () => {
    const expected = createHash('sha256')
      .update(
        '{"baseUrl":"https://db.example.com","body":{"clientId":"acme","dataAppName":"demo-app","expiryTime":3600000}}',
      )
      .digest('hex');
    expect(await guestTokenCacheKey('https://db.example.com', body)).toBe(expected);
  });

  it('differs for another base URL or another claim, not for another key order', async () => {
    const key = await guestTokenCacheKey('https://db.example.com', body);
    expect(await guestTokenCacheKey('https://other.example.com', body)).not.toBe(key);
    expect(await guestTokenCacheKey('https://db.example.com', { ...body, clientId: 'globex' })).not.toBe(key);
    expect(
      await guestTokenCacheKey('https://db.example.com', {
        expiryTime: 3_600_000,
        clientId: 'acme',
        dataAppName: 'demo-app',
      }),
    ).toBe(key);
  });
});
