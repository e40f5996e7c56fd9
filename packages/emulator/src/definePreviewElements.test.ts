// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePreviewElements } from './definePreviewElements.ts';
import { EMULATOR_API_KEY } from './emulatorSeed.ts';
import { type RunningEmulator, startEmulator } from './startEmulator.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  await definePreviewElements({ apiUrl: emulator.url });
});
afterAll(() => emulator.close());

async function mint(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${emulator.url}/api/v2/guest-token/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dataAppName: 'demo-app', ...body }),
  });
  return ((await response.json()) as { token: string }).token;
}

const text = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(check()).toBe(true);
}

describe('preview elements', { timeout: 20_000 }, () => {
  it('render the claims and rows, and swap tokens in place', async () => {
    const element = document.createElement('dbn-dashboard');
    element.setAttribute('dashboard-id', 'sales-overview');
    element.setAttribute('token', await mint({ clientId: 'acme' }));
    document.body.append(element);
    await until(() => text(element, 'dbn-preview-status') === 'ready');
    expect(text(element, 'dbn-preview-client')).toBe('acme');
    expect(text(element, 'dbn-preview-expiry')).toBe('never expires');
    expect(element.querySelectorAll('[data-testid="dbn-preview-rows"] tr')).toHaveLength(4);
    const instance = element.getAttribute('data-instance');

    (element as HTMLElement & { token: string }).token = await mint({ clientId: 'globex' });
    await until(
      () =>
        text(element, 'dbn-preview-client') === 'globex' && text(element, 'dbn-preview-status') === 'ready',
    );
    expect(element.getAttribute('data-instance')).toBe(instance);
    expect(element.getAttribute('data-token-version')).toBe('1');
    element.remove();
  });

  it('signal TOKEN_EXPIRED once through handle-server-event when the emulator says the token expired', async () => {
    const events: unknown[] = [];
    (window as unknown as Record<string, unknown>).onDbnEvent = (event: unknown) => events.push(event);
    const token = await mint({ clientId: 'acme', expiryTime: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const element = document.createElement('dbn-metric');
    element.setAttribute('handle-server-event', 'onDbnEvent');
    element.setAttribute('metric-id', 'revenue');
    element.setAttribute('token', token);
    document.body.append(element);
    await until(() => text(element, 'dbn-preview-status') === 'expired');
    expect(element.textContent).toContain('Token expired');
    expect(events).toEqual([{ type: 'TOKEN_EXPIRED', message: 'Token expired' }]);
    element.remove();
  });
});

describe('preview element definitions', () => {
  it('add one stylesheet per document and draw the card as the first child, with its accent', async () => {
    const first = document.createElement('dbn-metric');
    const second = document.createElement('dbn-metric');
    second.setAttribute('theme', '{"colors":{"primary":"#0f766e"}}');
    document.body.append(first, second);
    expect(document.querySelectorAll('#dbn-preview-styles')).toHaveLength(1);
    const card = second.firstElementChild as HTMLElement;
    expect(card.localName).toBe('section');
    expect(card.dataset.accent).toBe('#0f766e');
    expect(first.getAttribute('data-instance')).not.toBe(second.getAttribute('data-instance'));
    first.remove();
    second.remove();
  });

  it('read the new apiUrl after a second definePreviewElements call', async () => {
    const other = await startEmulator({ port: 0 });
    try {
      await definePreviewElements({ apiUrl: other.url });
      const response = await fetch(`${other.url}/api/v2/guest-token/create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dataAppName: 'demo-app', clientId: 'initech' }),
      });
      const { token } = (await response.json()) as { token: string };
      const element = document.createElement('dbn-dashboard');
      element.setAttribute('dashboard-id', 'sales-overview');
      element.setAttribute('token', token);
      document.body.append(element);
      await until(() => text(element, 'dbn-preview-status') === 'ready');
      expect(text(element, 'dbn-preview-client')).toBe('initech');
      element.remove();
    } finally {
      await definePreviewElements({ apiUrl: emulator.url });
      await other.close();
    }
  });
});
