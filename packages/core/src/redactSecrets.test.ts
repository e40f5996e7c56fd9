import { describe, expect, it } from 'vitest';
import { redactSecrets, SECRET_CREDENTIAL_FIELDS } from './redactSecrets.ts';

describe('redactSecrets', () => {
  it('replaces every secret credential field, at any depth', () => {
    const credentials = Object.fromEntries(
      SECRET_CREDENTIAL_FIELDS.map((field) => [field, `value-of-${field}`]),
    );
    const body = {
      datasourceType: 'trino',
      credentials: { name: 'n', host: 'h', ...credentials },
      list: [{ token: 't' }],
    };
    const redacted = redactSecrets(body);
    expect(redacted.credentials).toEqual({
      name: 'n',
      host: 'h',
      ...Object.fromEntries(SECRET_CREDENTIAL_FIELDS.map((field) => [field, '[redacted]'])),
    });
    expect(redacted.list).toEqual([{ token: '[redacted]' }]);
    expect(JSON.stringify(redacted)).not.toContain('value-of-');
  });

  it('returns a copy and leaves the input untouched', () => {
    const body = { credentials: { password: 'pw', nested: { privateKey: 'k' } } };
    const redacted = redactSecrets(body);
    expect(body.credentials.password).toBe('pw');
    expect(body.credentials.nested.privateKey).toBe('k');
    expect(redacted.credentials).not.toBe(body.credentials);
    expect(redacted.credentials.nested).toEqual({ privateKey: '[redacted]' });
  });

  it('passes primitives through and handles cycles', () => {
    expect(redactSecrets('password')).toBe('password');
    expect(redactSecrets(null)).toBeNull();
    const cyclic: Record<string, unknown> = { password: 'pw' };
    cyclic.self = cyclic;
    const redacted = redactSecrets(cyclic);
    expect(redacted.password).toBe('[redacted]');
    expect(redacted.self).toBe(redacted);
  });

  it('copies a __proto__ key as data instead of changing the prototype', () => {
    const body = JSON.parse('{"__proto__": {"password": "pw"}}') as Record<string, unknown>;
    const redacted = redactSecrets(body);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(redacted, '__proto__')?.value).toEqual({ password: '[redacted]' });
  });

  it('lists exactly the secret fields of the datasource credentials', () => {
    expect([...SECRET_CREDENTIAL_FIELDS].sort()).toEqual(
      [
        'client_secret',
        'credentials_json',
        'password',
        'privateKey',
        's3SecretAccessKey',
        'sshPrivateKey',
        'token',
      ].sort(),
    );
  });
});
