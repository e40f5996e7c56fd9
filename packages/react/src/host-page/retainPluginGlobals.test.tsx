import { afterEach, describe, expect, it } from 'vitest';
import { retainPluginGlobals } from './retainPluginGlobals.ts';

const THEME_VARIABLE = '--databrainhq-plugin-color-primary';

function setTheme(): void {
  document.documentElement.style.setProperty(THEME_VARIABLE, '#4f46e5');
}

function theme(): string {
  return document.documentElement.style.getPropertyValue(THEME_VARIABLE);
}

const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.documentElement.removeAttribute('style');
});

describe('retainPluginGlobals', () => {
  it('releases the plugin globals after the last embed lets go', async () => {
    setTheme();
    const first = retainPluginGlobals();
    const second = retainPluginGlobals();
    first();
    await microtasks();
    expect(theme()).toBe('#4f46e5');
    second();
    await microtasks();
    expect(theme()).toBe('');
  });

  it('releases nothing when an embed mounts in the same task as the last one unmounts', async () => {
    setTheme();
    const leaving = retainPluginGlobals();
    leaving();
    const arriving = retainPluginGlobals();
    await microtasks();
    expect(theme()).toBe('#4f46e5');
    arriving();
    await microtasks();
    expect(theme()).toBe('');
  });

  it('counts a release called twice once', async () => {
    setTheme();
    const first = retainPluginGlobals();
    const second = retainPluginGlobals();
    first();
    first();
    await microtasks();
    expect(theme()).toBe('#4f46e5');
    second();
    await microtasks();
    expect(theme()).toBe('');
  });
});
