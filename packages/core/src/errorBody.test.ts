import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './errorBody.ts';

describe('parseErrorBody', () => {
  it('reads the code and message of DataBrain error envelopes', () => {
    expect(parseErrorBody({ error: { code: 'EXPIRED_TOKEN', message: 'Token expired' } })).toEqual({
      code: 'EXPIRED_TOKEN',
      message: 'Token expired',
    });
  });

  it('ignores the status some endpoints repeat inside the error', () => {
    expect(
      parseErrorBody({ error: { code: 'INVALID_DASHBOARD_ID', message: 'Bad id', status: 400 } }),
    ).toEqual({
      code: 'INVALID_DASHBOARD_ID',
      message: 'Bad id',
    });
  });

  it('keeps a code with a missing or non-string message, with an empty message', () => {
    expect(parseErrorBody({ error: { code: 'INTERNAL_SERVER_ERROR' } })).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: '',
    });
    expect(parseErrorBody({ error: { code: 'X', message: 5 } })).toEqual({ code: 'X', message: '' });
  });

  it('returns undefined for success bodies and anything that is not an error envelope', () => {
    for (const body of [
      undefined,
      null,
      'Bad Gateway',
      42,
      [],
      { token: 't' },
      { token: 't', error: null },
      { error: 'boom' },
      { error: {} },
      { error: { code: '' } },
      { error: { code: 500, message: 'x' } },
    ]) {
      expect(parseErrorBody(body)).toBeUndefined();
    }
  });
});
