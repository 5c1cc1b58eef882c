/** "Gold-50M", "gold 50m" and "GOLD_50M" alike: lower case, letters and digits only. */
const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Shorter than this, a shared beginning says nothing ("10" and "10 Mbps Bisnis"). */
const MIN_SHARED = 4;

/**
 * The package a file's package name or a router's profile most likely means, when no package has
 * it exactly: the one package whose name or router profile reads the same once spacing and case
 * are set aside, or begins the same ("gold-50m" and "Gold 50 Mbps"). Two candidates: no
 * suggestion (the operator chooses). Only suggested: the operator still confirms on the screen.
 */
export function suggestPackage(written: string, packages: readonly { id: string; name: string; routerProfile: string }[]): string | null {
  const k = key(written);
  if (k.length < MIN_SHARED) return null;
  const alike = (other: string) => {
    const o = key(other);
    return o.length >= MIN_SHARED && (o.startsWith(k) || k.startsWith(o));
  };
  const found = packages.filter((p) => alike(p.name) || (p.routerProfile !== '' && alike(p.routerProfile)));
  return found.length === 1 ? (found[0]?.id ?? null) : null;
}
