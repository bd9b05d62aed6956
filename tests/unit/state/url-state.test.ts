import { describe, expect, it } from 'vitest';
import { featureFromHash, hashForFeature } from '../../../src/state/url-state.ts';

describe('feature links', () => {
  it('round-trips a reference, including ids with slashes, spaces and Chinese', () => {
    for (const reference of [
      { layerId: 'green', featureId: 'green-yuzixi-wetland-park' },
      { layerId: 'places', featureId: 'a/b c' },
      { layerId: 'parks', featureId: '医药产业园' },
    ]) {
      expect(featureFromHash(hashForFeature(reference))).toEqual(reference);
    }
  });

  it('reads nothing from an empty, foreign or malformed hash', () => {
    expect(featureFromHash('')).toBeNull();
    expect(featureFromHash('#section-2')).toBeNull();
    expect(featureFromHash('#feature=')).toBeNull();
    expect(featureFromHash('#feature=green')).toBeNull();
    expect(featureFromHash('#feature=/id')).toBeNull();
    expect(featureFromHash('#feature=green/')).toBeNull();
    expect(featureFromHash(`#feature=green/${'x'.repeat(10_000)}`)).toBeNull();
  });

  it('clears the hash when nothing is selected', () => {
    expect(hashForFeature(null)).toBe('');
  });
});
