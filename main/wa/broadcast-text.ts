import type { FieldMessage } from '../platform/index.js';
import { renderTemplate, validateTemplate, HARD_MAX_TEMPLATE_LENGTH, type TemplateVariables } from '../templates/index.js';
import type { Recipient } from './recipient-sources.js';

/** What the operator may write in a broadcast's own text: what the broadcast knows of every recipient. */
export const MESSAGE_VARIABLES = ['name', 'isp_name', 'package_name'] as const;

/**
 * An opening the customer reads as a greeting. When the operator's text starts with one, the
 * manual broadcast's frame leaves out its own "Halo {name}," so nobody is greeted twice.
 */
const GREETING = /^\s*(halo|hallo|hai|hi|hello|selamat\s+(pagi|siang|sore|malam)|assalamu|yth\b|kepada\s+yth|dear|salam)/i;

export function greets(message: string): boolean {
  return GREETING.test(message);
}

/**
 * The operator's text checked as a template over the broadcast's variables: every problem at once,
 * as field messages. A placeholder the broadcast cannot fill ({due_date}) gets its own wording that
 * lists what can be used, rather than the template editor's "not declared".
 */
export function checkMessage(message: string): FieldMessage[] {
  const checked = validateTemplate(message, MESSAGE_VARIABLES, { maxLength: HARD_MAX_TEMPLATE_LENGTH });
  if (checked.ok) return [];
  const known = MESSAGE_VARIABLES.map((v) => `{${v}}`).join(', ');
  return checked.errors.map((e) =>
    e.code === 'TEMPLATE_UNDECLARED_VARIABLE'
      ? { key: 'wa.broadcastVariable', params: { name: String(e.params.name), known } }
      : { key: e.message_key, params: e.params },
  );
}

/**
 * The variables of one recipient's message: the operator's text with this recipient's values filled
 * in becomes {message} of the template (its values are inserted as they are, never read again).
 */
export function recipientVariables(message: string, recipient: Recipient, ispName: string): TemplateVariables {
  const own = { name: recipient.name, isp_name: ispName, package_name: recipient.packageName };
  const filled = message === '' ? { ok: true as const, text: '' } : renderTemplate(message, own, { maxLength: HARD_MAX_TEMPLATE_LENGTH });
  // Checked when the broadcast was made; a text that still cannot be filled fails this message visibly ({message} missing).
  return { ...own, message: filled.ok ? filled.text : null, message_greets: greets(message) };
}
