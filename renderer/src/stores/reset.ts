const resets = new Set<() => void>();

/** Stores holding a tenant's data register here, so signing out leaves nothing for the next user. */
export function registerReset(reset: () => void): void {
  resets.add(reset);
}

export function resetStores(): void {
  for (const reset of resets) reset();
}
