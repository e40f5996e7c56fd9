import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_API_KEY } from '../emulatorSeed.ts';
import { type RunningEmulator, startEmulator } from '../startEmulator.ts';
import {
  PreviewElementModel,
  type PreviewModelOptions,
  type PreviewServerEvent,
} from './PreviewElementModel.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());

const models: PreviewElementModel[] = [];
afterEach(() => {
  for (const model of models.splice(0)) model.disconnect();
});

async function mint(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${emulator.url}/api/v2/guest-token/create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dataAppName: 'demo-app', ...body }),
  });
  return ((await response.json()) as { token: string }).token;
}

function createModel(overrides: Partial<PreviewModelOptions> = {}) {
  const changes: string[] = [];
  const events: { handlerName: string; event: PreviewServerEvent }[] = [];
  const model = new PreviewElementModel({
    kind: 'dashboard',
    instance: 'dashboard-1',
    apiUrl: () => emulator.url,
    origin: 'app.test',
    onChange: (change) => changes.push(change),
    onServerEvent: (handlerName, event) => events.push({ handlerName, event }),
    ...overrides,
  });
  models.push(model);
  return { model, changes, events };
}

describe('PreviewElementModel', () => {
  it('waits for a token, then for an embed id, before asking the emulator', async () => {
    const { model } = createModel();
    model.connect();
    expect(model.view()).toMatchObject({ status: 'loading', message: 'Waiting for a token' });
    model.setProperty('token', await mint({ clientId: 'acme' }));
    expect(model.view().message).toBe('Waiting for dashboard-id');
    expect(emulator.requests.filter((entry) => entry.path === '/api/v2/dashboard')).toHaveLength(0);
  });

  it('loads the embed with the token and holds the answer for the view', async () => {
    const { model } = createModel();
    model.attributeChanged('dashboard-id', 'sales-overview');
    model.attributeChanged('token', await mint({ clientId: 'globex', expiryTime: 90_000 }));
    model.connect();
    await vi.waitFor(() => expect(model.status).toBe('ready'));
    const view = model.view();
    expect(view.payload?.claims.clientId).toBe('globex');
    expect(new Set(view.payload?.rows.map((row) => row.tenant))).toEqual(new Set(['globex']));
    expect(view.expiry).toMatch(/^expires in (89|90)s$/);
    expect(model.tokenVersion).toBe(0);
  });

  it('parses attributes as DataBrain does: JSON, numbers, and bad JSON as no value', () => {
    const { model, changes } = createModel();
    model.attributeChanged('theme', '{"colors":{"primary":"#123456"}}');
    model.attributeChanged('chart-colors', '["#111111","#222222"]');
    model.attributeChanged('width', '300px');
    model.attributeChanged('variant', 'fullscreen');
    expect(model.view().theme).toMatchObject({ accent: '#123456', chartColors: ['#111111', '#222222'] });
    expect(model.view().layout).toEqual({ width: 300, height: undefined, fullscreen: true });
    model.attributeChanged('options', 'not json');
    expect(model.getProperty('options')).toBeUndefined();
    expect(changes.every((change) => change === 'view')).toBe(true);
  });

  it('counts token changes, and setting the same value again does nothing', async () => {
    const { model, changes } = createModel();
    const token = await mint({ clientId: 'acme' });
    model.setProperty('token', token);
    model.setProperty('token', token);
    expect(model.tokenVersion).toBe(0);
    model.setProperty('token', await mint({ clientId: 'acme' }));
    expect(model.tokenVersion).toBe(1);
    expect(changes).toHaveLength(2);
  });

  it('expires the token on its own clock and signals TOKEN_EXPIRED once per token', async () => {
    let now = Date.now();
    const { model, events } = createModel({ now: () => now });
    model.setProperty('handleServerEvent', 'onDbnEvent');
    model.setProperty('dashboardId', 'sales-overview');
    model.setProperty('options', { tokenExpiryMessage: 'Please reload.' });
    model.setProperty('token', await mint({ clientId: 'acme', expiryTime: 60_000 }));
    model.connect();
    await vi.waitFor(() => expect(model.status).toBe('ready'));
    now += 30_000;
    model.tick();
    expect(model.expiryText()).toMatch(/^expires in (29|30)s$/);
    now += 31_000;
    model.tick();
    model.tick();
    expect(model.status).toBe('expired');
    expect(model.view().message).toBe('Token expired — Please reload.');
    expect(events).toEqual([
      { handlerName: 'onDbnEvent', event: { type: 'TOKEN_EXPIRED', message: 'Token expired' } },
    ]);
  });

  it('shows the emulator error, and an unreachable emulator', async () => {
    const { model } = createModel({ kind: 'metric' });
    model.setProperty('metricId', 'no-such-metric');
    model.setProperty('token', await mint({ clientId: 'acme' }));
    model.connect();
    await vi.waitFor(() => expect(model.status).toBe('error'));
    expect(model.view().message).toBe('No metric embed with this id in data app demo-app.');

    const offline = createModel({ apiUrl: () => 'http://127.0.0.1:9' });
    offline.model.setProperty('dashboardId', 'sales-overview');
    offline.model.setProperty('token', 'some-token');
    offline.model.connect();
    await vi.waitFor(() => expect(offline.model.status).toBe('error'));
    expect(offline.model.view().message).toMatch(/^Cannot reach the emulator/);
  });

  it('asks the emulator only while connected', async () => {
    const previews = () => emulator.requests.filter((entry) => entry.path === '/api/v2/dashboard').length;
    const { model } = createModel();
    model.setProperty('dashboardId', 'sales-overview');
    const before = previews();
    model.setProperty('token', await mint({ clientId: 'acme' }));
    expect(previews()).toBe(before);
    model.connect();
    await vi.waitFor(() => expect(model.status).toBe('ready'));
    // The log entry is written when the server closes the response.
    await vi.waitFor(() => expect(previews()).toBe(before + 1));
    model.disconnect();
    model.setProperty('token', await mint({ clientId: 'acme' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(previews()).toBe(before + 1);
  });
});
