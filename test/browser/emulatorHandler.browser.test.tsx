import { definePreviewElements } from '@databrain-embed/emulator/elements';
import { createEmulatorHandler } from '@databrain-embed/emulator/handler';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The emulator inside the page, as a static Storybook runs it: no server at
// all. `emulator.local` resolves nowhere, so any request that left the page
// would fail and the card would show an error instead of rows.
const ORIGIN = 'http://emulator.local';
const emulator = createEmulatorHandler({
  includeDefaultSeed: false,
  seed: {
    tenantColumn: 'customer',
    dataApps: [
      {
        name: 'shop',
        apiKeys: ['shop-key'],
        embeds: [
          {
            embedId: 'orders',
            type: 'dashboard',
            name: 'Orders',
            rows: [
              { customer: 'acme', status: 'shipped', total: 120.5, placedAt: '2024-03-02' },
              { customer: 'acme', status: 'open', total: 40, placedAt: '2024-04-09' },
              { customer: 'globex', status: 'shipped', total: 999, placedAt: '2024-03-15' },
            ],
          },
        ],
      },
    ],
  },
});
afterAll(() => emulator.close());

async function mint(clientId: string): Promise<string> {
  const response = await emulator.fetch(`${ORIGIN}/api/v2/guest-token/create`, {
    method: 'POST',
    headers: { authorization: 'Bearer shop-key', 'content-type': 'application/json' },
    body: JSON.stringify({ clientId, dataAppName: 'shop' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const cells = (element: Element) =>
  [...element.querySelectorAll('[data-testid="dbn-preview-rows"] tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );

describe('createEmulatorHandler in Chromium', () => {
  it("serves the preview elements in-page: the team's columns, the tenant's rows, a new tenant in place", async () => {
    await definePreviewElements({ apiUrl: ORIGIN, fetch: emulator.fetch });
    const element = document.createElement('dbn-dashboard');
    element.setAttribute('dashboard-id', 'orders');
    element.setAttribute('token', await mint('acme'));
    document.body.append(element);
    await vi.waitFor(() => expect(cells(element)).toHaveLength(2), { timeout: 10_000, interval: 25 });
    expect([...element.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual([
      'customer',
      'status',
      'total',
      'placedAt',
    ]);
    expect(cells(element).map((row) => row[0])).toEqual(['acme', 'acme']);
    expect(element.textContent).toContain('Total by month');

    element.setAttribute('token', await mint('globex'));
    await vi.waitFor(() => expect(cells(element)).toEqual([['globex', 'shipped', '999', '2024-03-15']]), {
      timeout: 10_000,
      interval: 25,
    });
    expect(emulator.requests.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      'POST /api/v2/guest-token/create 200',
      'GET /api/v2/dashboard 200',
      'POST /api/v2/guest-token/create 200',
      'GET /api/v2/dashboard 200',
    ]);
    element.remove();
  });

  it('uses the Web Crypto API for its tokens', async () => {
    expect(await mint('acme')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
