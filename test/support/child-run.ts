import { spawn, type ChildProcess } from 'node:child_process';

/** A core running in a child process (so a test can SIGKILL it mid-job), with what it printed so far. */
export interface ChildRun {
  child: ChildProcess;
  /** Whole lines of its stdout ("ready", "done" ...). */
  lines: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

/** Runs a TypeScript script under tsx, collecting its stdout line by line. */
export function startChild(script: string, args: readonly string[]): ChildRun {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: ChildRun = { child, lines: [], stderr: [], exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    run.lines.push(...parts);
  });
  child.stderr?.on('data', (chunk: Buffer) => run.stderr.push(chunk.toString()));
  return run;
}

/**
 * Polls until `condition` holds, every `everyMs` (0: setImmediate, so a kill can land within the
 * same millisecond as what it waits for); fails after a minute with the child's stderr.
 */
export async function until(condition: () => boolean, what: string, run: ChildRun, everyMs = 0): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; child stderr: ${run.stderr.join('')}`);
    await new Promise((resolve) => (everyMs === 0 ? setImmediate(resolve) : setTimeout(resolve, everyMs)));
  }
}
