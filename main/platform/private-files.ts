import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/*
 * The console's data (customers, sessions, sealed tokens, the web token) is for the user the app
 * runs as: on a shared office computer or a server, other accounts must not read the folder or
 * copy the database. Modes are set explicitly, not left to the umask, and tightened on every start
 * so installs made before are fixed too. Windows ignores these modes; its per-user profile folder
 * (%APPDATA%) already keeps other users out.
 */

/** Makes `dir` (and its missing parents) and leaves `dir` itself 0700. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates `file` empty if it is missing, and leaves it 0600. */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Leaves `file` 0600 if it exists. */
export function tightenFile(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
}
