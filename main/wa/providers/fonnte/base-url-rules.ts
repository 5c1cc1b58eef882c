/**
 * Where the Fonnte token may be sent. The token goes with every request to the base URL, so the
 * URL decides who reads it: https only (a plain-http hop shows it to the network), except the
 * machine itself (127.0.0.0/8, ::1, localhost: a local relay, and the tests' Fonnte stand-in), and
 * never a link-local or cloud metadata address, which answers from inside the host's network.
 * Decided on the parsed URL, so `http://2852039166/` is seen as the 169.254.169.254 it is.
 */
export type FonnteBaseUrlRefusal = 'wa.baseUrlInvalid' | 'wa.baseUrlHttps' | 'wa.baseUrlLinkLocal';

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const LINK_LOCAL_V4 = /^169\.254\.\d{1,3}\.\d{1,3}$/;
/** fe80::/10: the first 10 bits 1111 1110 10, that is fe8x to febx. */
const LINK_LOCAL_V6 = /^\[fe[89ab][0-9a-f]:/i;
/** 169.254.x.x written as an IPv4-mapped IPv6 address (the parser shows it as ::ffff:a9fe:xxxx). */
const LINK_LOCAL_MAPPED = /^\[::ffff:a9fe:/i;
/** Metadata services that are not on 169.254/16: GCP's name, Alibaba's address, AWS's IPv6 one. */
const METADATA_HOSTS: ReadonlySet<string> = new Set(['metadata.google.internal', 'metadata', '100.100.100.200', '[fd00:ec2::254]']);

export function fonnteBaseUrlRefusal(raw: string): FonnteBaseUrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'wa.baseUrlInvalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'wa.baseUrlInvalid';
  // A trailing dot names the same host (`metadata.google.internal.`).
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if ([LINK_LOCAL_V4, LINK_LOCAL_V6, LINK_LOCAL_MAPPED].some((range) => range.test(host)) || METADATA_HOSTS.has(host)) {
    return 'wa.baseUrlLinkLocal';
  }
  if (url.protocol === 'http:' && !isLoopback(host)) return 'wa.baseUrlHttps';
  return null;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}
