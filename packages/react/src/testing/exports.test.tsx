import { describe, expect, it } from 'vitest';
import * as testing from './index.ts';

describe('public exports', () => {
  it('keeps the testing entry list stable', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'createTestTokenSource',
      'defineRecordingElements',
      'getRecordedElement',
      'getRecordedElements',
      'recordingElementsLoader',
    ]);
  });
});
