import { describe, expect, it } from 'vitest';
import {
  createValueFormatter,
  DEFAULT_MAX_LENGTH,
  extractPlaceholders,
  renderTemplate,
  SYSTEM_TEMPLATES,
  validateTemplate,
  type RenderResult,
  type TemplateError,
  type TemplateVariables,
} from '../../main/templates/index.js';
import { WA_EVENT_KEYS } from '../../shared/domain/wa.js';
import { waTemplateMessages as templateMessages } from '../../shared/i18n/wa-templates.js';
import { formatRupiah } from '../../shared/util/money.js';
import { formatDateTime } from '../../shared/util/time.js';

/** Intl puts a no-break space after "Rp"; compare with plain spaces. */
const plain = (s: string) => s.replace(/\s/gu, ' ');

function text(result: RenderResult): string {
  if (!result.ok) throw new Error(`render failed: ${JSON.stringify(result.error)}`);
  return result.text;
}

function renderError(result: RenderResult): TemplateError {
  if (result.ok) throw new Error(`render should fail, got: ${result.text}`);
  return result.error;
}

function validationErrors(content: string, declared: string[] = [], maxLength?: number): TemplateError[] {
  const result = validateTemplate(content, declared, { maxLength });
  if (result.ok) throw new Error('validation should fail');
  return result.errors;
}

/** Whether a condition holds, seen through the only door users have: a template. */
function holds(condition: string, variables: TemplateVariables): boolean {
  return text(renderTemplate(`{{#if ${condition}}}yes{{else}}no{{/if}}`, variables)) === 'yes';
}

describe('system templates', () => {
  it('has one template per event key, with its variables declared', () => {
    expect(Object.keys(SYSTEM_TEMPLATES).sort()).toEqual([...WA_EVENT_KEYS].sort());
    for (const key of WA_EVENT_KEYS) {
      const template = SYSTEM_TEMPLATES[key];
      expect(template.key).toBe(key);
      expect(template.variables.length).toBeGreaterThan(0);
    }
  });

  it.each(WA_EVENT_KEYS)('%s validates against its declared variables', (key) => {
    const template = SYSTEM_TEMPLATES[key];
    const result = validateTemplate(template.content, template.variables);
    expect(result).toEqual({ ok: true, variables: expect.any(Array) });
    if (result.ok) expect([...result.variables].sort()).toEqual([...template.variables].sort());
  });

  it.each(WA_EVENT_KEYS)('%s renders its sample data, plain and formatted', (key) => {
    const template = SYSTEM_TEMPLATES[key];
    const format = createValueFormatter({ zone: 'Asia/Jakarta', locale: 'id' });
    for (const rendered of [
      text(renderTemplate(template.content, template.sample)),
      text(renderTemplate(template.content, template.sample, { formatValue: format })),
    ]) {
      expect(rendered).not.toMatch(/[{}]/);
      expect(rendered).not.toMatch(/\n\n\n/);
      expect(rendered.length).toBeLessThanOrEqual(DEFAULT_MAX_LENGTH);
    }
  });

  it('keeps the texts of the communication spec', () => {
    const created = SYSTEM_TEMPLATES.invoice_created;
    const rendered = text(renderTemplate(created.content, created.sample));
    expect(rendered.split('\n')[0]).toBe(
      'Halo Budi Santoso, invoice Anda sebesar 150000 untuk periode Maret 2026. ID: INV-202603-0042.',
    );
    expect(SYSTEM_TEMPLATES.invoice_due_reminder.content).toContain(
      'Halo {name}, tagihan {amount} jatuh tempo pada {due_date}. Silakan bayar untuk menghindari isolir.',
    );
    expect(SYSTEM_TEMPLATES.invoice_paid.content).toContain('Pembayaran diterima: {amount}. Terima kasih.');
    expect(SYSTEM_TEMPLATES.voucher_generated.content).toContain(
      'Voucher Anda: {voucher_code}. Berlaku sampai {expire_at}.',
    );
  });

  it('drops optional lines when their data is absent, without leaving blank lines', () => {
    const { content, sample } = SYSTEM_TEMPLATES.customer_isolated;
    const { payment_url: _url, payment_instructions: _how, ...required } = sample;
    expect(text(renderTemplate(content, required))).toBe(
      [
        'Halo Budi Santoso, layanan internet Anda untuk sementara kami hentikan (isolir) karena tagihan sebesar 150000 (ID: INV-202603-0042) belum dibayar.',
        'Layanan akan tersambung kembali secara otomatis setelah pembayaran kami terima.',
        'Butuh bantuan? Hubungi 0812-2700-1234.',
        'RT/RW Net Sejahtera',
      ].join('\n'),
    );
  });

  it('tells an isolated customer without invoice figures (a manual isolation) without a gap or a failure', () => {
    const { content } = SYSTEM_TEMPLATES.customer_isolated;
    expect(text(renderTemplate(content, { name: 'Budi', isp_name: 'RT/RW Net Sejahtera' }))).toBe(
      [
        'Halo Budi, layanan internet Anda untuk sementara kami hentikan (isolir).',
        'Layanan akan tersambung kembali secara otomatis setelah pembayaran kami terima.',
        'RT/RW Net Sejahtera',
      ].join('\n'),
    );
  });

  it('tells the customer when isolation comes, or that it may come any time', () => {
    const { content, sample } = SYSTEM_TEMPLATES.invoice_overdue;
    expect(text(renderTemplate(content, sample))).toContain('dalam 3 hari');
    const today = text(renderTemplate(content, { ...sample, days_until_isolation: 0 }));
    expect(today).toContain('agar layanan tidak diisolir');
    expect(today).not.toContain('hari.');
  });

  it('greets a broadcast recipient without a name generically', () => {
    const { content, sample } = SYSTEM_TEMPLATES.manual_broadcast;
    expect(text(renderTemplate(content, { ...sample, name: null }))).toMatch(/^Halo Pelanggan,\n/);
  });
});

describe('extractPlaceholders', () => {
  it('lists placeholders once each, in order of first use', () => {
    expect(extractPlaceholders('Halo {name}, {amount} / {name} ({invoice_code})')).toEqual([
      'name',
      'amount',
      'invoice_code',
    ]);
  });

  it('includes placeholders inside conditional lines but not variables only read by conditions', () => {
    expect(extractPlaceholders('{{#if isValidUrl(payment_url)}}Bayar: {link}{{/if}}\n{name}')).toEqual(['link', 'name']);
  });

  it('skips malformed braces', () => {
    expect(extractPlaceholders('{Name} { name } {ok} {also_ok} {')).toEqual(['ok', 'also_ok']);
  });
});

describe('DSL functions', () => {
  it.each<[string, TemplateVariables, boolean]>([
    ['exists(x)', { x: 'a' }, true],
    ['exists(x)', { x: 0 }, true],
    ['exists(x)', { x: false }, true],
    ['exists(x)', { x: '' }, false],
    ['exists(x)', { x: '   ' }, false],
    ['exists(x)', { x: null }, false],
    ['exists(x)', {}, false],
    ['notExists(x)', {}, true],
    ['notExists(x)', { x: null }, true],
    ['notExists(x)', { x: 'a' }, false],
  ])('%s with %j -> %s', (condition, variables, expected) => {
    expect(holds(condition, variables)).toBe(expected);
  });

  it.each<[string, TemplateVariables, boolean]>([
    ["eq(status, 'lunas')", { status: 'lunas' }, true],
    ["eq(status, 'lunas')", { status: 'Lunas' }, false],
    ["eq(status, 'lunas')", {}, false],
    ['eq(status, "lunas")', { status: 'lunas' }, true],
    ["eq(note, 'it\\'s')", { note: "it's" }, true],
    ["eq(flag, 'true')", { flag: true }, true],
    ['eq(amount, 150000)', { amount: 150000 }, true],
    ['eq(amount, 150000)', { amount: '150000' }, true],
    ['eq(amount, 150000)', { amount: 150001 }, false],
    ['eq(amount, 150000)', { amount: 'Rp 150.000' }, false],
    ["eq(amount, '150000')", { amount: 150000 }, true],
    ['eq(a, b)', { a: 5, b: '5' }, true],
    ['eq(a, b)', { a: 'x', b: 'x' }, true],
    ['eq(a, b)', { a: 'x', b: 'y' }, false],
    ['eq(a, b)', {}, false],
    ["ne(status, 'lunas')", { status: 'belum' }, true],
    ["ne(status, 'lunas')", { status: 'lunas' }, false],
    ["ne(status, 'lunas')", {}, true],
  ])('%s with %j -> %s', (condition, variables, expected) => {
    expect(holds(condition, variables)).toBe(expected);
  });

  it.each<[string, TemplateVariables, boolean]>([
    ['gt(amount, 100000)', { amount: 150000 }, true],
    ['gt(amount, 150000)', { amount: 150000 }, false],
    ['gte(amount, 150000)', { amount: 150000 }, true],
    ['gte(amount, 150001)', { amount: 150000 }, false],
    ['lt(amount, 150001)', { amount: 150000 }, true],
    ['lt(amount, 150000)', { amount: 150000 }, false],
    ['lte(amount, 150000)', { amount: 150000 }, true],
    ['lte(amount, 149999)', { amount: 150000 }, false],
    ['gt(amount, 100000)', { amount: '150000' }, true],
    ['gt(balance, -5)', { balance: 0 }, true],
    ['gt(amount, 0)', { amount: 'Rp 150.000' }, false],
    ['gt(amount, 0)', { amount: '150.000' }, false],
    ['lt(amount, 1)', {}, false],
    ['gt(amount, 0)', { amount: true }, false],
    ['gt(paid, due)', { paid: 200000, due: 150000 }, true],
    ['gt(paid, due)', { paid: 100000, due: 150000 }, false],
    ['gt(paid, due)', { paid: 100000 }, false],
  ])('%s with %j -> %s', (condition, variables, expected) => {
    expect(holds(condition, variables)).toBe(expected);
  });

  it.each<[TemplateVariables['url'], boolean]>([
    ['https://bayar.rtrwnet.id/INV-1', true],
    ['http://192.168.88.1/isolir', true],
    ['javascript:alert(1)', false],
    ['ftp://files.example.id', false],
    ['bayar.rtrwnet.id', false],
    [' https://bayar.rtrwnet.id', false],
    ['https://', false],
    [42, false],
    [null, false],
    [undefined, false],
  ])('isValidUrl(%j) -> %s', (url, expected) => {
    expect(holds('isValidUrl(url)', url === undefined ? {} : { url })).toBe(expected);
  });

  it.each<[TemplateVariables['flag'], boolean]>([
    [true, true],
    ['true', true],
    ['1', true],
    [1, true],
    ['ya', true],
    ['YA', true],
    ['yes', true],
    [' Yes ', true],
    [false, false],
    ['false', false],
    ['0', false],
    [0, false],
    ['tidak', false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('isTrue(%j) -> %s', (flag, expected) => {
    expect(holds('isTrue(flag)', flag === undefined ? {} : { flag })).toBe(expected);
  });

  it.each<[string, TemplateVariables, boolean]>([
    ['and(exists(a), exists(b))', { a: 1, b: 1 }, true],
    ['and(exists(a), exists(b))', { a: 1 }, false],
    ['and(exists(a), exists(b), exists(c))', { a: 1, b: 1, c: 1 }, true],
    ['or(exists(a), exists(b))', { b: 1 }, true],
    ['or(exists(a), exists(b))', {}, false],
    ['not(exists(a))', {}, true],
    ['not(exists(a))', { a: 1 }, false],
    ["and(exists(a), or(eq(b, 'x'), not(exists(c))))", { a: 1, b: 'x', c: 1 }, true],
    ["and(exists(a), or(eq(b, 'x'), not(exists(c))))", { a: 1, b: 'y' }, true],
    ["and(exists(a), or(eq(b, 'x'), not(exists(c))))", { a: 1, b: 'y', c: 1 }, false],
    ["and(exists(a), or(eq(b, 'x'), not(exists(c))))", { b: 'x' }, false],
    ['not(or(isTrue(a), and(gt(n, 1), lt(n, 10))))', { n: 5 }, false],
    ['not(or(isTrue(a), and(gt(n, 1), lt(n, 10))))', { n: 50 }, true],
    ['not(not(exists(a)))', { a: 'x' }, true],
  ])('%s with %j -> %s', (condition, variables, expected) => {
    expect(holds(condition, variables)).toBe(expected);
  });
});

describe('line-conditional rendering', () => {
  it('removes a line whose inline condition fails, keeps it when it holds', () => {
    const template = 'Halo {name}\n{{#if exists(payment_url)}}Bayar online: {payment_url}{{/if}}\nTerima kasih';
    expect(text(renderTemplate(template, { name: 'Budi' }))).toBe('Halo Budi\nTerima kasih');
    expect(text(renderTemplate(template, { name: 'Budi', payment_url: 'https://x.id' }))).toBe(
      'Halo Budi\nBayar online: https://x.id\nTerima kasih',
    );
  });

  it('keeps a line with text around a failed inline condition', () => {
    const template = 'Gangguan di {area}{{#if exists(cause)}} karena {cause}{{/if}}.';
    expect(text(renderTemplate(template, { area: 'Tanjung' }))).toBe('Gangguan di Tanjung.');
    expect(text(renderTemplate(template, { area: 'Tanjung', cause: 'hujan' }))).toBe('Gangguan di Tanjung karena hujan.');
  });

  it('keeps or drops a block of lines, with else, nested', () => {
    const template = [
      'A',
      '{{#if exists(x)}}',
      'x is {x}',
      '  {{#if gt(n, 1)}}  ',
      'n > 1',
      '{{else}}',
      'n <= 1',
      '{{/if}}',
      '{{else}}',
      'no x',
      '{{/if}}',
      'B',
    ].join('\n');
    expect(text(renderTemplate(template, { x: 'yes', n: 2 }))).toBe('A\nx is yes\nn > 1\nB');
    expect(text(renderTemplate(template, { x: 'yes', n: 1 }))).toBe('A\nx is yes\nn <= 1\nB');
    expect(text(renderTemplate(template, {}))).toBe('A\nno x\nB');
  });

  it('keeps blank lines the author wrote', () => {
    expect(text(renderTemplate('A\n\nB\n{{#if exists(z)}}z{{/if}}', {}))).toBe('A\n\nB');
  });

  it('treats tags in quotes as part of the condition', () => {
    expect(text(renderTemplate("{{#if eq(x, '}}')}}braces{{/if}}", { x: '}}' }))).toBe('braces');
  });
});

describe('errors at save: validateTemplate', () => {
  it('accepts a template whose variables are all declared and lists them', () => {
    expect(validateTemplate('{{#if exists(url)}}{url}{{/if}} {name}', ['name', 'url', 'unused'])).toEqual({
      ok: true,
      variables: ['url', 'name'],
    });
  });

  it('refuses an undeclared placeholder, naming it with its position', () => {
    expect(validationErrors('Halo {name},\ntagihan {amount}.', ['name'])).toEqual([
      {
        code: 'TEMPLATE_UNDECLARED_VARIABLE',
        message_key: 'waTemplates.undeclaredVariable',
        params: { name: 'amount', line: 2, column: 9 },
      },
    ]);
  });

  it('refuses an undeclared variable read by a condition, once per name', () => {
    const errors = validationErrors('{{#if exists(url)}}x{{/if}}\n{{#if isValidUrl(url)}}{url}{{/if}}', []);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_UNDECLARED_VARIABLE', params: { name: 'url', line: 1, column: 14 } }),
    ]);
  });

  it('refuses declared names that are not lower snake case', () => {
    expect(validationErrors('Halo', ['Name', 'due-date', '1st', 'ok_name'])).toEqual(
      ['Name', 'due-date', '1st'].map((name) => ({
        code: 'TEMPLATE_INVALID_VARIABLE',
        message_key: 'waTemplates.invalidVariableName',
        params: { name },
      })),
    );
  });

  it('refuses an empty template', () => {
    expect(validationErrors('  \n ')).toEqual([expect.objectContaining({ code: 'TEMPLATE_EMPTY' })]);
  });

  it('refuses a template longer than the limit, default 1000 characters, counting emoji as one', () => {
    expect(validateTemplate('a'.repeat(1000), []).ok).toBe(true);
    expect(validationErrors('a'.repeat(1001))).toEqual([
      { code: 'TEMPLATE_TOO_LONG', message_key: 'waTemplates.tooLong', params: { length: 1001, max: 1000 } },
    ]);
    expect(validationErrors('Halo {name}', ['name'], 5)).toEqual([
      expect.objectContaining({ code: 'TEMPLATE_TOO_LONG', params: { length: 11, max: 5 } }),
    ]);
    expect(validateTemplate('🙏'.repeat(10), [], { maxLength: 10 }).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    const codes = validationErrors('{Nama} {amount}\n{{#if exists(x)}}', []).map((e) => e.message_key);
    expect(codes).toEqual([
      'waTemplates.badPlaceholder',
      'waTemplates.unclosedIf',
      'waTemplates.undeclaredVariable',
      'waTemplates.undeclaredVariable',
    ]);
  });

  it.each<[string, string, Record<string, string | number>]>([
    ['{{#if exist(name)}}x{{/if}}', 'unknownFunction', { line: 1, column: 7, name: 'exist' }],
    ['Halo\n  {{#if exists(name}}x{{/if}}', 'unexpectedEnd', { line: 2, column: 20 }],
    ["{{#if eq(status, 'lunas)}}x{{/if}}", 'unclosedTag', { line: 1, column: 1 }],
    ["{{#if eq(status, 'lunas)}}", 'unclosedTag', { line: 1, column: 1 }],
    ["{{#if gt(amount, 'besar')}}x{{/if}}", 'expectedNumber', { line: 1, column: 18, found: "'besar'" }],
    ['{{#if gt(amount, 150.000)}}x{{/if}}', 'badNumber', { line: 1, column: 18, text: '150.000' }],
    ['{{#if gt(amount, 150,000)}}x{{/if}}', 'badNumber', { line: 1, column: 18, text: '150,000' }],
    ['{{#if eq(status, )}}x{{/if}}', 'expectedValue', { line: 1, column: 18, found: ')' }],
    ['{{#if and(exists(a))}}x{{/if}}', 'tooFewArguments', { line: 1, column: 7, min: 2 }],
    ['{{#if exists(a) exists(b)}}x{{/if}}', 'trailingInput', { line: 1, column: 17, found: 'exists' }],
    ['{{#if exists(a) && exists(b)}}x{{/if}}', 'unexpectedChar', { line: 1, column: 17, char: '&' }],
    ['{{#if exists(Name)}}x{{/if}}', 'badVariableName', { line: 1, column: 14, name: 'Name' }],
    ["{{#if exists('a')}}x{{/if}}", 'expectedVariable', { line: 1, column: 14, found: "'a'" }],
    ['{{#if not(exists(a), exists(b))}}x{{/if}}', 'expectedSymbol', { line: 1, column: 20, symbol: ')' }],
    ['{{#if a}}x{{/if}}', 'unknownFunction', { line: 1, column: 7, name: 'a' }],
    ["{{#if 'a'}}x{{/if}}", 'expectedCondition', { line: 1, column: 7 }],
    ['{{#if }}x{{/if}}', 'emptyCondition', { line: 1, column: 6 }],
    ['{{#if exists(a)}}x', 'unclosedInlineIf', { line: 1, column: 1 }],
    ['x\n{{#if exists(a)}}\ny', 'unclosedIf', { line: 2, column: 1 }],
    ['x\n{{else}}', 'unexpectedElse', { line: 2, column: 1 }],
    ['x {{/if}}', 'unexpectedEndIf', { line: 1, column: 3 }],
    ['{{#if exists(a)}}\n{{else}}\n{{else}}\n{{/if}}', 'duplicateElse', { line: 3, column: 1 }],
    ['Halo {{name}}', 'unknownTag', { line: 1, column: 6, tag: 'name' }],
    ['Halo { name }', 'badPlaceholder', { line: 1, column: 6, text: ' name ' }],
    ['Halo {Name}', 'badPlaceholder', { line: 1, column: 6, text: 'Name' }],
    ['Halo {name', 'unclosedPlaceholder', { line: 1, column: 6 }],
    ['Halo {na{me}', 'unclosedPlaceholder', { line: 1, column: 6 }],
    ['Halo name}', 'strayBrace', { line: 1, column: 10 }],
  ])('%j -> %s at its position', (template, name, params) => {
    const [first] = validationErrors(template, ['a', 'b', 'name', 'status', 'amount']);
    expect(first).toEqual({
      code: 'TEMPLATE_SYNTAX',
      message_key: `waTemplates.${name}`,
      params: expect.objectContaining(params),
    });
    // Sending checks the same way and stops at the first problem.
    expect(renderError(renderTemplate(template, { a: 1, b: 1, name: 'n', status: 's', amount: 1 }))).toEqual(first);
  });
});

describe('errors at send: renderTemplate', () => {
  it('refuses a missing variable on a kept line, naming it', () => {
    expect(renderError(renderTemplate('Halo {name},\ntagihan {amount}', { name: 'Budi' }))).toEqual({
      code: 'TEMPLATE_VARIABLE_MISSING',
      message_key: 'waTemplates.variableMissing',
      params: { name: 'amount', line: 2, column: 9 },
    });
  });

  it('treats null as missing and an empty string as present', () => {
    expect(renderError(renderTemplate('Halo {name}', { name: null })).code).toBe('TEMPLATE_VARIABLE_MISSING');
    expect(text(renderTemplate('Halo {name}!', { name: '' }))).toBe('Halo !');
  });

  it('does not require a variable used only on a removed line', () => {
    expect(text(renderTemplate('Halo\n{{#if exists(url)}}Bayar: {url} {kode}{{/if}}', {}))).toBe('Halo');
    expect(text(renderTemplate('{{#if isTrue(x)}}\n{secret}\n{{else}}\nbiasa\n{{/if}}', {}))).toBe('biasa');
  });

  it('never finds variables on the object prototype', () => {
    expect(renderError(renderTemplate('{constructor}', {})).params).toMatchObject({ name: 'constructor' });
    expect(holds('exists(constructor)', {})).toBe(false);
  });

  it('refuses a message longer than the limit, values included', () => {
    expect(text(renderTemplate('{x}', { x: 'a'.repeat(1000) }))).toHaveLength(1000);
    expect(renderError(renderTemplate('{x}', { x: 'a'.repeat(1001) }))).toEqual({
      code: 'TEMPLATE_TOO_LONG',
      message_key: 'waTemplates.tooLong',
      params: { length: 1001, max: 1000 },
    });
    expect(renderError(renderTemplate('Halo {name}', { name: 'Budi Santoso' }, { maxLength: 10 })).params).toEqual({
      length: 17,
      max: 10,
    });
  });

  it('refuses a message that renders empty', () => {
    expect(renderError(renderTemplate('{{#if exists(x)}}{x}{{/if}}', {})).code).toBe('TEMPLATE_EMPTY');
  });
});

describe('injection', () => {
  it.each([
    '{amount}',
    '{{#if exists(x)}}boom{{/if}}',
    '{{/if}}',
    '{{else}}',
    '}{',
    '{{#if exists(name)}}\n{amount}\n{{/if}}',
    "{{#if eq(a, '}}')}}",
  ])('inserts %j as plain text', (value) => {
    const variables = { name: value, amount: 150000, x: 'x' };
    expect(text(renderTemplate('Halo {name}!', variables))).toBe(`Halo ${value}!`);
    expect(text(renderTemplate('{{#if exists(name)}}Nama: {name}{{/if}}', variables))).toBe(`Nama: ${value}`);
  });

  it('hands the formatter raw values and inserts its output as plain text too', () => {
    const seen: unknown[] = [];
    const rendered = renderTemplate('{a} {b}', { a: 1, b: true }, {
      formatValue: (name, value) => {
        seen.push([name, value]);
        return '{b}';
      },
    });
    expect(text(rendered)).toBe('{b} {b}');
    expect(seen).toEqual([
      ['a', 1],
      ['b', true],
    ]);
  });
});

describe('hostile templates', () => {
  it('refuses a condition nested deeper than the limit', () => {
    // Eight not( plus exists( are nine calls deep.
    const nested = `${'not('.repeat(8)}exists(a)${')'.repeat(8)}`;
    const [error] = validationErrors(`{{#if ${nested}}}x{{/if}}`, ['a']);
    expect(error).toEqual({
      code: 'TEMPLATE_TOO_COMPLEX',
      message_key: 'waTemplates.conditionTooDeep',
      // exists( starts at column 7 + 8 * 4.
      params: { line: 1, column: 39, max: 8 },
    });
    const allowed = `${'not('.repeat(7)}exists(a)${')'.repeat(7)}`;
    expect(validateTemplate(`{{#if ${allowed}}}x{{/if}}`, ['a']).ok).toBe(true);
  });

  it('refuses a huge condition before reading it, without overflowing the stack', () => {
    const huge = `${'not('.repeat(100_000)}exists(a)${')'.repeat(100_000)}`;
    expect(renderError(renderTemplate(`{{#if ${huge}}}x{{/if}}`, { a: 1 }, { maxLength: 1_000_000 }))).toMatchObject({
      code: 'TEMPLATE_TOO_LONG',
    });
    const long = `and(${Array.from({ length: 40 }, (_, i) => `exists(v${i})`).join(', ')})`;
    expect(renderError(renderTemplate(`{{#if ${long}}}x{{/if}}`, {}))).toEqual({
      code: 'TEMPLATE_TOO_COMPLEX',
      message_key: 'waTemplates.conditionTooLong',
      params: { line: 1, column: 6, max: 300 },
    });
  });

  it('refuses #if blocks nested deeper than the limit', () => {
    const open = Array.from({ length: 9 }, () => '{{#if exists(a)}}').join('\n');
    const close = Array.from({ length: 9 }, () => '{{/if}}').join('\n');
    expect(renderError(renderTemplate(`${open}\nx\n${close}`, { a: 1 }))).toEqual({
      code: 'TEMPLATE_TOO_COMPLEX',
      message_key: 'waTemplates.ifTooDeep',
      params: { line: 9, column: 1, max: 8 },
    });
  });

  it('refuses a giant template without parsing it', () => {
    const result = validateTemplate('{'.repeat(5_000_000), [], { maxLength: 10_000_000 });
    expect(result).toEqual({
      ok: false,
      errors: [
        { code: 'TEMPLATE_TOO_LONG', message_key: 'waTemplates.tooLong', params: { length: 5_000_000, max: 20_000 } },
      ],
    });
  });

  it('caps the number of reported errors', () => {
    expect(validationErrors('a}'.repeat(10_000), [], 20_000)).toHaveLength(20);
    expect(validationErrors('{a'.repeat(10_000), [], 20_000)).toHaveLength(20);
    expect(validationErrors('{x} '.repeat(200), [], 20_000)).toHaveLength(1);
  });
});

describe('createValueFormatter', () => {
  const id = createValueFormatter({ zone: 'Asia/Jakarta', locale: 'id' });

  it('formats money, instants in the tenant zone, calendar dates and booleans', () => {
    const variables = {
      amount: 150000,
      late_amount: 5000,
      paid_at: '2026-03-08T03:15:00Z',
      due_date: '2026-03-10',
      flag: true,
      count: 3,
    };
    const template = '{amount} | {late_amount} | {paid_at} | {due_date} | {flag} | {count}';
    expect(text(renderTemplate(template, variables, { formatValue: id })).split(' | ')).toEqual([
      formatRupiah(150000),
      formatRupiah(5000),
      formatDateTime('2026-03-08T03:15:00Z', 'Asia/Jakarta', 'id'),
      '10 Maret 2026',
      'ya',
      '3',
    ]);
    expect(plain(formatRupiah(150000))).toBe('Rp 150.000');
  });

  it('uses the zone and language it is given', () => {
    const en = createValueFormatter({ zone: 'Asia/Makassar', locale: 'en' });
    expect(en('paid_at', '2026-03-08T03:15:00Z')).toBe(formatDateTime('2026-03-08T03:15:00Z', 'Asia/Makassar', 'en'));
    expect(en('paid_at', '2026-03-08T03:15:00Z')).toMatch(/11:15 WITA$/);
    expect(en('due_date', '2026-03-10')).toBe('10 March 2026');
    expect(en('flag', false)).toBe('no');
    const wit = createValueFormatter({ zone: 'Asia/Jayapura', locale: 'id' });
    expect(wit('paid_at', '2026-03-08T03:15:00Z')).toMatch(/12\.15 WIT$/);
  });

  it('passes through values that do not look like their kind', () => {
    expect(id('amount', 'Rp 150.000')).toBe('Rp 150.000');
    expect(id('due_date', 'besok')).toBe('besok');
    expect(id('paid_at', 'kemarin')).toBe('kemarin');
  });

  it('leaves conditions to see raw numbers', () => {
    const template = '{{#if gt(amount, 100000)}}Total {amount}{{/if}}';
    expect(text(renderTemplate(template, { amount: 150000 }, { formatValue: id }))).toBe(`Total ${formatRupiah(150000)}`);
  });
});

describe('error messages', () => {
  const paramsOf = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('has the same keys and params in Bahasa Indonesia and English', () => {
    expect(Object.keys(templateMessages.en).sort()).toEqual(Object.keys(templateMessages.id).sort());
    for (const [key, idText] of Object.entries(templateMessages.id)) {
      expect(paramsOf(templateMessages.en[key as keyof typeof templateMessages.en]), key).toEqual(paramsOf(idText));
    }
  });

  it('never writes a tag with double braces, which the translators would take for a param', () => {
    for (const message of [...Object.values(templateMessages.id), ...Object.values(templateMessages.en)]) {
      expect(message.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
    }
  });
});
