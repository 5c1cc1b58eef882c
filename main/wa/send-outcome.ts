/** The provider a try went to: the log row counts it with the turn's outcome (see MessageStore.record). */
export interface Tried {
  provider: string;
  failover: boolean;
}

/**
 * What one turn of a due message ends in. Everything but 'recheck' and 'none' is one statement on
 * the message's rows (MessageStore.record), committed with the other sends' writes.
 */
export type SendOutcome =
  /** The provider took it; `recovered`: found in the chat after a crash, not sent now. */
  | { kind: 'sent'; providerMessageId: string | null; sendMs: number; recovered: boolean; tried: Tried }
  /** Back to the queue until runAt; `counted`: it used one of the message's tries (a pause does not). */
  | { kind: 'retry'; runAt: number; code: string; message: string; tried: Tried | null; counted: boolean }
  /** A dead letter: shown under "Gagal" with its reason; `tried` null when no provider had it this turn. */
  | { kind: 'failed'; code: string; message: string; tried: Tried | null }
  /** Not yet, and no try used (suspended, paused, quiet hours, the number's hourly cap). */
  | { kind: 'later'; runAt: number; heldUntil: number | null }
  | { kind: 'skipped'; code: string }
  /** A message a crash left 'sending' on WhatsApp Web: its chat is read again at `at` (nothing is written). */
  | { kind: 'recheck'; at: number }
  /** Nothing to write: cancelled meanwhile, already through, or the app is closing. */
  | { kind: 'none' };
