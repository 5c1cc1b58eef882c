/**
 * A router's address as people paste it from Winbox, a chat or a note: "192.168.88.1",
 * "192.168.88.1:8728", "router.rtrw.net:8729", "fe80::1", "[fe80::1]:8728". Returns the host and
 * the port when one came with it, or null when it is none of IPv4, IPv6 or a hostname.
 */
export function splitHostPort(value: string): { host: string; port: number | null } | null {
  const text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return isIPv6(bracketed[1] ?? '') ? withPort(bracketed[1] ?? '', bracketed[2]) : null;
  // More than one colon and no brackets: an IPv6 address alone (its last group is not a port).
  if (text.split(':').length > 2) return isIPv6(text) ? { host: text, port: null } : null;
  const [host = '', port] = text.split(':');
  return isIPv4(host) || isHostname(host) ? withPort(host, port) : null;
}

function withPort(host: string, port: string | undefined): { host: string; port: number | null } | null {
  if (port === undefined) return { host, port: null };
  const n = Number(port);
  return /^\d{1,5}$/.test(port) && n >= 1 && n <= 65535 ? { host, port: n } : null;
}

function isIPv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** The URL parser knows IPv6 in all its short forms; the same in Node and the browser. */
function isIPv6(host: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(host) || !host.includes(':')) return false;
  try {
    return new URL(`http://[${host}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

/** DNS names (RFC 1123); an all-digit last label is a mistyped IPv4 ("192.168.88.300"), not a name. */
function isHostname(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.replace(/\.$/, '').split('.');
  const label = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  return labels.every((l) => label.test(l)) && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}
