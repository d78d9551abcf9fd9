// Maps the server's field errors (`details.fields: [{field: 'a.b', message}]`) onto antd forms.
import type { FieldError } from '@wenming/contracts';
import type { FormInstance } from 'antd';
import { ApiError } from './client';

export type NamePath = (string | number)[];

/** `contacts.0.phone` → ['contacts', 0, 'phone'] (antd's NamePath). */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Groups field errors by field, keeping every message of a field. */
export function groupFieldErrors(fields: FieldError[]): { name: NamePath; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const f of fields) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
  return [...byField].map(([field, errors]) => ({ name: toNamePath(field), errors }));
}

/**
 * Shows a 400's field errors under the form's inputs. Returns the messages of fields the form does
 * not have (e.g. `(body)`), so that the caller can show them elsewhere; null when `err` has no field errors.
 */
export function applyFieldErrors(form: FormInstance, err: unknown): string[] | null {
  if (!(err instanceof ApiError) || err.fieldErrors.length === 0) return null;
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .filter(Boolean),
  );
  const grouped = groupFieldErrors(err.fieldErrors);
  const matched = grouped.filter((g) => known.has(g.name.join('.')));
  form.setFields(matched);
  return grouped.filter((g) => !known.has(g.name.join('.'))).flatMap((g) => g.errors);
}
