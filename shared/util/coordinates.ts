/** A point on the globe as the customer form stores it. */
export interface Coordinates {
  latitude: number;
  longitude: number;
}

const DECIMAL_PAIR = /^(-?\d{1,2}\.\d+)\s*(?:[,;]\s*|\s+)(-?\d{1,3}\.\d+)$/;
/** A Google Maps link: ".../@-7.4245,109.2303,17z" or "...?q=-7.4245,109.2303". */
const MAPS_LINK = /(?:@|[?&](?:q|query|ll)=)(-?\d{1,2}\.\d+),\s*(-?\d{1,3}\.\d+)/;
/** Degrees, minutes, seconds as Google Maps shows a dropped pin: 7°25'28.2"S 109°13'49.1"E. */
const DMS_PART = String.raw`(\d{1,3})°\s*(\d{1,2})['′]\s*(\d{1,2}(?:\.\d+)?)["″]?\s*([NSEW])`;
const DMS_PAIR = new RegExp(String.raw`^${DMS_PART}[\s,]+${DMS_PART}$`, 'i');

function onGlobe(latitude: number, longitude: number): Coordinates | null {
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

function fromDms(degrees: string, minutes: string, seconds: string, hemisphere: string): number {
  const value = Number(degrees) + Number(minutes) / 60 + Number(seconds) / 3600;
  const signed = /[SW]/i.test(hemisphere) ? -value : value;
  return Math.round(signed * 1e6) / 1e6;
}

/**
 * A latitude and longitude pasted together, the way people copy them: from Google Maps' pin
 * ("-7.4245, 109.2303"), from a Maps link, or in degrees and minutes. Null when the text is not a
 * pair (a single number, typed into one box, is read by that box).
 */
export function parseCoordinatePair(input: string): Coordinates | null {
  const text = input.trim();
  const decimal = DECIMAL_PAIR.exec(text) ?? MAPS_LINK.exec(text);
  if (decimal) return onGlobe(Number(decimal[1]), Number(decimal[2]));
  const dms = DMS_PAIR.exec(text);
  if (!dms) return null;
  const [, d1 = '', m1 = '', s1 = '', h1 = '', d2 = '', m2 = '', s2 = '', h2 = ''] = dms;
  // Latitude is the N/S part, whichever comes first.
  const first = fromDms(d1, m1, s1, h1);
  const second = fromDms(d2, m2, s2, h2);
  const firstIsLatitude = /[NS]/i.test(h1);
  if (firstIsLatitude === /[NS]/i.test(h2)) return null;
  return firstIsLatitude ? onGlobe(first, second) : onGlobe(second, first);
}
