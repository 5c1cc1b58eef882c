import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, isoAt } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { Locale } from '../../shared/domain/user.js';
import { WA_EVENT_KEYS, type WaEventKey } from '../../shared/domain/wa.js';
import { translate } from '../../shared/i18n/index.js';
import {
  SYSTEM_TEMPLATES,
  createValueFormatter,
  renderTemplate,
  validateTemplate,
  type RenderResult,
  type TemplateError,
  type TemplateValue,
  type TemplateVariables,
} from '../templates/index.js';

/** What a broadcast knows about each recipient: the variables a broadcastable template may use. */
export const BROADCAST_VARIABLES: ReadonlySet<string> = new Set(['name', 'isp_name', 'message', 'package_name', 'message_greets']);

export function isBroadcastable(key: WaEventKey): boolean {
  return key !== 'test_message' && SYSTEM_TEMPLATES[key].variables.every((v) => BROADCAST_VARIABLES.has(v));
}

export interface WaTemplateView {
  key: WaEventKey;
  content: string;
  variables: string[];
  custom: boolean;
  systemContent: string;
  broadcastable: boolean;
  sample: Record<string, TemplateValue>;
}

const fieldMessages = (errors: readonly TemplateError[]) => errors.map((e) => ({ key: e.message_key, params: e.params }));

/**
 * System templates (Bahasa Indonesia) with the tenant's overrides. Placeholders are declared by the
 * system template of the same key: a tenant may reword and reorder, not invent data the event lacks.
 */
export class WaTemplateService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly tenants: TenantService,
  ) {}

  list(tenantId: string): WaTemplateView[] {
    const overrides = new Map(
      (this.db.prepare('SELECT template_key, content FROM wa_templates WHERE tenant_id = ?').all(tenantId) as { template_key: WaEventKey; content: string }[]).map(
        (r) => [r.template_key, r.content],
      ),
    );
    return WA_EVENT_KEYS.map((key) => this.view(key, overrides.get(key)));
  }

  get(tenantId: string, key: WaEventKey): WaTemplateView {
    const row = this.db.prepare('SELECT content FROM wa_templates WHERE tenant_id = ? AND template_key = ?').pluck().get(tenantId, key) as
      | string
      | undefined;
    return this.view(key, row);
  }

  save(tenantId: string, key: WaEventKey, content: string, maxLength: number): WaTemplateView {
    const system = SYSTEM_TEMPLATES[key];
    const checked = validateTemplate(content, system.variables, { maxLength });
    if (!checked.ok) throw new Failure('VALIDATION_FAILED', {}, { content: fieldMessages(checked.errors) });
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO wa_templates (id, tenant_id, template_key, content, variables, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, template_key) DO UPDATE SET content = excluded.content, variables = excluded.variables, updated_at = excluded.updated_at`)
      .run(this.ids.next(), tenantId, key, content, JSON.stringify(system.variables), now, now);
    return this.get(tenantId, key);
  }

  reset(tenantId: string, key: WaEventKey): WaTemplateView {
    this.db.prepare('DELETE FROM wa_templates WHERE tenant_id = ? AND template_key = ?').run(tenantId, key);
    return this.get(tenantId, key);
  }

  /** The editor's preview: unsaved text, the template's sample data, messages in the user's language. */
  preview(tenantId: string, key: WaEventKey, content: string, maxLength: number, locale: Locale): { ok: boolean; text: string; errors: string[] } {
    const system = SYSTEM_TEMPLATES[key];
    const checked = validateTemplate(content, system.variables, { maxLength });
    if (!checked.ok) return { ok: false, text: '', errors: checked.errors.map((e) => translate(locale, e.message_key, e.params)) };
    const rendered = this.renderWith(tenantId, content, { ...system.sample }, maxLength);
    return rendered.ok
      ? { ok: true, text: rendered.text, errors: [] }
      : { ok: false, text: '', errors: [translate(locale, rendered.error.message_key, rendered.error.params)] };
  }

  /** The text a customer receives: the tenant's wording, values formatted for Indonesia in the tenant's zone. */
  render(tenantId: string, key: WaEventKey, variables: TemplateVariables, maxLength: number): RenderResult {
    return this.renderer(tenantId, key, maxLength)(variables);
  }

  /** render() for many recipients of one template: the wording and the zone are read once, not per message. */
  renderer(tenantId: string, key: WaEventKey, maxLength: number): (variables: TemplateVariables) => RenderResult {
    const content = this.get(tenantId, key).content;
    const options = { maxLength, formatValue: createValueFormatter({ zone: this.tenants.zone(tenantId), locale: 'id' }) };
    return (variables) => renderTemplate(content, variables, options);
  }

  private renderWith(tenantId: string, content: string, variables: TemplateVariables, maxLength: number): RenderResult {
    const zone = this.tenants.zone(tenantId);
    return renderTemplate(content, variables, { maxLength, formatValue: createValueFormatter({ zone, locale: 'id' }) });
  }

  private view(key: WaEventKey, override: string | undefined): WaTemplateView {
    const system = SYSTEM_TEMPLATES[key];
    return {
      key,
      content: override ?? system.content,
      variables: [...system.variables],
      custom: override !== undefined,
      systemContent: system.content,
      broadcastable: isBroadcastable(key),
      sample: Object.fromEntries(Object.entries(system.sample).filter((e): e is [string, TemplateValue] => e[1] !== undefined)),
    };
  }
}
