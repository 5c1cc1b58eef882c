/**
 * Puppeteer's wording when the WhatsApp Web tab or the browser behind it is gone: a crashed or
 * navigated page ('detached Frame', 'Execution context was destroyed'), a closed browser or CDP
 * session ('Target closed', 'Session closed', 'Protocol error ...'). Nothing sent through that page
 * can work again; only a new browser helps.
 */
const DEAD_PAGE = ['detached frame', 'execution context was destroyed', 'target closed', 'session closed', 'protocol error'];

export function isDeadPageError(error: unknown): boolean {
  const text = describeError(error).toLowerCase();
  return DEAD_PAGE.some((sign) => text.includes(sign));
}

/** whatsapp-web.js also throws bare strings ('auth timeout', 'ready timeout'). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : String(error);
}
