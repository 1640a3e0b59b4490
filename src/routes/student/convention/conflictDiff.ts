import type { ZodType } from 'zod';

/** The schema of one field of a form's schema (an object, maybe refined or piped into a transform), if it has one. */
function fieldSchema(schema: ZodType<unknown> | undefined, field: string): ZodType<unknown> | undefined {
  let current = schema as { _zod?: { def?: { type?: string; in?: unknown; shape?: Record<string, unknown> } } } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const def = current._zod?.def;
    if (def?.type === 'object') return def.shape?.[field] as ZodType<unknown> | undefined;
    if (def?.type !== 'pipe') return undefined;
    current = def.in as typeof current;
  }
  return undefined;
}

/** A raw form value as text to compare: empty for nothing, the sorted items of a list, trimmed text. */
function rawText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(rawText).sort().join(',');
  return String(value).trim();
}

/**
 * Each field's value as the form reads it: through the field's own schema when both values parse (so that
 * '06 01 02 03 04' and '+33601020304', or '4,50' and 4.5, are the same), else as typed.
 */
function sameValue(schema: ZodType<unknown> | undefined, typed: unknown, stored: unknown): boolean {
  const storedText = typeof stored === 'number' ? String(stored) : stored;
  if (schema) {
    const a = schema.safeParse(typed);
    const b = schema.safeParse(storedText);
    if (a.success && b.success) return JSON.stringify(a.data ?? null) === JSON.stringify(b.data ?? null);
  }
  return rawText(typed) === rawText(storedText);
}

/**
 * The fields (in the form's order) whose value typed on the losing page differs from the one stored now (the
 * step's page values: what it would show). A field absent from both is the same.
 */
export function differingFields(
  fields: readonly string[],
  typed: Record<string, unknown>,
  stored: Record<string, unknown>,
  schema?: ZodType<unknown>,
): string[] {
  return fields.filter((field) => !sameValue(fieldSchema(schema, field), typed[field], stored[field]));
}
