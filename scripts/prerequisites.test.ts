import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findExecutable, type MachineProbe, planPrerequisites, probeMachine } from './prerequisites.mjs';

type Program = MachineProbe['programs'][number];

const chromium = (present: boolean, namedBy?: 'CHROMIUM_PATH'): Program => ({
  name: 'chromium',
  present,
  namedBy,
});
const redis = (present: boolean, namedBy?: 'REDIS_SERVER_PATH'): Program => ({
  name: 'redis-server',
  present,
  namedBy,
});

function machine(programs: Program[], overrides: Partial<MachineProbe> = {}): MachineProbe {
  return { platform: 'linux', isRoot: true, hasSudo: false, hasAptGet: true, programs, ...overrides };
}

describe('planPrerequisites', () => {
  it('does nothing when both programs are there', () => {
    expect(planPrerequisites(machine([chromium(true), redis(true)]))).toEqual({ action: 'ready' });
  });

  it('installs only what is missing with apt-get as root, saying so in one line', () => {
    const plan = planPrerequisites(machine([chromium(false), redis(true)]));
    expect(plan).toMatchObject({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'],
      ],
    });
    if (plan.action !== 'install') throw new Error('unreachable');
    expect(plan.message).not.toContain('\n');
    expect(plan.message).toContain('chromium');
    expect(plan.message).not.toContain('redis');
  });

  it('installs both in one apt-get call when both are missing', () => {
    const plan = planPrerequisites(machine([chromium(false), redis(false)]));
    expect(plan.action === 'install' && plan.commands[1]?.slice(-2)).toEqual(['chromium', 'redis-server']);
  });

  it('goes through password-less sudo when not root', () => {
    const plan = planPrerequisites(machine([redis(false)], { isRoot: false, hasSudo: true }));
    expect(plan.action === 'install' && plan.commands).toEqual([
      ['sudo', '-n', 'apt-get', 'update', '-qq'],
      ['sudo', '-n', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'redis-server'],
    ]);
  });

  it('stops with the command to run when it may not install (no root, no password-less sudo)', () => {
    const plan = planPrerequisites(
      machine([chromium(false), redis(false)], { isRoot: false, hasSudo: false }),
    );
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') throw new Error('unreachable');
    expect(plan.message).toContain('chromium (for the browser tests) and redis-server');
    expect(plan.message).toContain('apt-get install -y chromium redis-server');
    expect(plan.message).toContain('CHROMIUM_PATH=');
    expect(plan.message).toContain('REDIS_SERVER_PATH=');
    expect(plan.message).toContain('brew install --cask chromium && brew install redis');
  });

  it('stops on a machine without apt-get, naming only what is missing', () => {
    const plan = planPrerequisites(machine([chromium(true), redis(false)], { hasAptGet: false }));
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') throw new Error('unreachable');
    expect(plan.message).toContain('redis-server (for the Redis token-store tests) is missing');
    expect(plan.message).toContain('apt-get install -y redis-server ');
    expect(plan.message).not.toContain('CHROMIUM_PATH');
  });

  it('on macOS names Homebrew first and where Chromium lives', () => {
    const plan = planPrerequisites(
      machine([chromium(false), redis(true)], { platform: 'darwin', hasAptGet: false, isRoot: false }),
    );
    if (plan.action !== 'stop') throw new Error(`expected stop, got ${plan.action}`);
    const lines = plan.message.split('\n');
    expect(lines[1]).toContain('macOS:         brew install --cask chromium');
    expect(plan.message).toContain('CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  it('never installs over a variable that points nowhere: it says which variable', () => {
    const plan = planPrerequisites(machine([chromium(false, 'CHROMIUM_PATH'), redis(false)]));
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') throw new Error('unreachable');
    expect(plan.message).toContain('CHROMIUM_PATH names no executable file');
  });
});

describe('probeMachine', () => {
  const folder = mkdtempSync(join(tmpdir(), 'prerequisites-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const bin = join(folder, 'bin');
  mkdirSync(bin);
  const fakeRedis = join(bin, 'redis-server');
  writeFileSync(fakeRedis, '#!/bin/sh\n');
  chmodSync(fakeRedis, 0o755);
  const notExecutable = join(folder, 'chromium');
  writeFileSync(notExecutable, '');

  it('finds a bare command on PATH and an absolute one as it is', () => {
    expect(findExecutable('redis-server', bin)).toBe(fakeRedis);
    expect(findExecutable('redis-server', folder)).toBeUndefined();
    expect(findExecutable(fakeRedis, '')).toBe(fakeRedis);
    expect(findExecutable(notExecutable, '')).toBeUndefined();
  });

  it('reads CHROMIUM_PATH and REDIS_SERVER_PATH instead of the default places', () => {
    const probe = probeMachine({
      env: { PATH: '/nonexistent', CHROMIUM_PATH: notExecutable, REDIS_SERVER_PATH: fakeRedis },
    });
    expect(probe.programs).toEqual([
      { name: 'chromium', present: false, namedBy: 'CHROMIUM_PATH' },
      { name: 'redis-server', present: true, namedBy: 'REDIS_SERVER_PATH' },
    ]);
  });

  it('looks only at the programs asked for', () => {
    const probe = probeMachine({ needs: ['redis-server'], env: { PATH: bin } });
    expect(probe.programs).toEqual([{ name: 'redis-server', present: true, namedBy: undefined }]);
  });
});
