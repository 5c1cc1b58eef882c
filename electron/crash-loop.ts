/** Crashes of the window's page within `windowMs` after which reloading is pointless. */
export const MAX_CRASHES = 3;
const WINDOW_MS = 60_000;

/**
 * Decides what to do when the window's page crashes: reload it, unless it keeps crashing (a page
 * that dies while loading would otherwise reload forever, a flickering window that eats the CPU),
 * in which case the shell shows a plain screen that says so. Crashes further apart than the window
 * are separate mishaps and reload as usual.
 */
export class CrashLoop {
  private crashes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  crashed(): 'reload' | 'give-up' {
    const at = this.now();
    this.crashes = [...this.crashes.filter((t) => at - t < WINDOW_MS), at];
    return this.crashes.length >= MAX_CRASHES ? 'give-up' : 'reload';
  }
}
