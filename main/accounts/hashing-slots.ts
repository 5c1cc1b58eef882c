/**
 * scrypt runs on libuv's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), which
 * the web server's file reads, DNS look-ups and zlib share, first come first served. A burst of 120
 * sign-ins queued 120 hashes ahead of the page's files and delayed them by 16 s. Hashes therefore
 * take at most half the pool; the others wait here, in order, and a file read finds a free thread.
 */
const POOL_THREADS = Number(process.env.UV_THREADPOOL_SIZE) || 4;
export const HASHING_SLOTS = Math.max(1, Math.floor(POOL_THREADS / 2));

/** Runs at most `slots` tasks at once; the rest wait their turn, first come first served. */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running += 1;
    else await new Promise<void>((turn) => this.waiting.push(turn));
    try {
      return await task();
    } finally {
      // A finished task hands its slot straight to the next in line.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
