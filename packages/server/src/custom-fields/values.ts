// Custom field values are checked against their definitions wherever they enter: client writes and filters.
import { validationFailed } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';

type Value = string | number | boolean | null;

export async function checkCustomFieldValues(
  tenant: ScopedDb,
  values: Record<string, Value>,
  fieldPrefix: string,
): Promise<void> {
  const keys = Object.keys(values);
  if (!keys.length) return;
  const definitions = await tenant
    .selectFrom('custom_field_definitions')
    .select(['key', 'type', 'options'])
    .where('key', 'in', keys)
    .execute();
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const errors: { field: string; message: string }[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = `${fieldPrefix}.${key}`;
    const definition = byKey.get(key);
    if (!definition) {
      errors.push({ field, message: 'No custom field has this key.' });
      continue;
    }
    if (value === null) continue;
    const ok =
      definition.type === 'number'
        ? typeof value === 'number' && Number.isFinite(value)
        : definition.type === 'date'
          ? typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
          : definition.type === 'select'
            ? typeof value === 'string' && definition.options.includes(value)
            : typeof value === 'string';
    if (!ok) {
      errors.push({
        field,
        message:
          definition.type === 'select'
            ? `One of: ${definition.options.join(', ')}.`
            : `A ${definition.type === 'date' ? 'date as YYYY-MM-DD' : definition.type}.`,
      });
    }
  }
  if (errors.length) throw validationFailed(errors);
}
