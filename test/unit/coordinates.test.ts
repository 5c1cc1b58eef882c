import { describe, expect, it } from 'vitest';
import { parseCoordinatePair } from '../../shared/util/coordinates.js';

describe('parseCoordinatePair', () => {
  it.each([
    ['as Google Maps copies a pin', '-7.4245, 109.2303'],
    ['without a space', '-7.4245,109.2303'],
    ['with a space only', '-7.4245 109.2303'],
    ['with a semicolon', '-7.4245; 109.2303'],
    ['with spaces around', '  -7.4245 ,  109.2303 '],
    ['as a Maps link', 'https://www.google.com/maps/place/Purwokerto/@-7.4245,109.2303,17z/data=!3m1'],
    ['as a Maps search link', 'https://maps.google.com/?q=-7.4245,109.2303'],
  ])('reads a pair %s', (_label, text) => {
    expect(parseCoordinatePair(text)).toEqual({ latitude: -7.4245, longitude: 109.2303 });
  });

  it('reads degrees, minutes and seconds, in either order', () => {
    expect(parseCoordinatePair(`7°25'28.2"S 109°13'49.1"E`)).toEqual({ latitude: -7.424500, longitude: 109.230306 });
    expect(parseCoordinatePair(`109°13'49.1"E, 7°25'28.2"S`)).toEqual({ latitude: -7.4245, longitude: 109.230306 });
  });

  it.each([['-7.4245'], ['-7,4245'], ['-7,42'], ['91.5, 109.2'], ['-7.4, 181.5'], ['Jl. Kampus 3'], [''], [`7°25'28"S 8°1'2"N`]])(
    'is not a pair: %j',
    (text) => {
      expect(parseCoordinatePair(text)).toBeNull();
    },
  );
});
