// Checks a form's values against the record schema: each field's own rule, with the message codes it declares.
import * as v from 'valibot';
import type { Field, RecordFields, RegisterField } from './fields.ts';

/** Field path as the forms name it ("title", "sectors.2.severity") → validation code. */
export type SchemaErrors = Record<string, string>;

function firstProblem(schema: v.GenericSchema, value: unknown): string | null {
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? null : (result.issues[0]?.message ?? 'invalid');
}

function checkRegister(errors: SchemaErrors, path: string, field: RegisterField, value: unknown): void {
  if (
    field.required &&
    (value === '' || value === null || (typeof value === 'string' && value.trim() === ''))
  ) {
    errors[path] = 'required';
    return;
  }
  const problem = firstProblem(field.schema, value);
  if (problem !== null) errors[path] = problem;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function checkField(errors: SchemaErrors, path: string, field: Field, value: unknown): void {
  switch (field.kind) {
    case 'register':
      return checkRegister(errors, path, field, value);
    case 'text':
      if (typeof value !== 'string') errors[path] = 'invalid';
      else if (value.length > field.max) errors[path] = 'tooLong';
      return;
    case 'set':
      for (const item of Array.isArray(value) ? value : []) {
        const problem = firstProblem(field.item, item);
        if (problem !== null) errors[path] = problem;
      }
      return;
    case 'struct':
      if (value === null && field.nullable) return;
      for (const [name, inner] of Object.entries(field.fields)) {
        checkRegister(errors, `${path}.${name}`, inner, asRecord(value)[name]);
      }
      return;
    case 'collection': {
      const seen = new Set<unknown>();
      const members = Array.isArray(value) ? value : [];
      // More can arrive by merging and are shown; a form saves no more than the schema allows.
      if (members.length > field.max) errors[path] = 'tooMany';
      members.forEach((member, index) => {
        const at = `${path}.${index}`;
        const key = asRecord(member)[field.keyField];
        const problem = firstProblem(field.key, key);
        if (problem !== null) errors[`${at}.${field.keyField}`] = problem;
        else if (seen.has(key)) errors[`${at}.${field.keyField}`] = 'duplicate';
        seen.add(key);
        for (const [name, inner] of Object.entries(field.fields)) {
          checkRegister(errors, `${at}.${name}`, inner, asRecord(member)[name]);
        }
      });
      return;
    }
    case 'ranked': {
      const items = Array.isArray(value) ? value : [];
      if (items.length > field.max) errors[path] = 'tooMany';
      for (const item of items) {
        const problem = firstProblem(field.item, item);
        if (problem !== null) errors[path] ??= problem;
      }
      return;
    }
  }
}

/** Every field of `fields` present in `values`, each checked by its own declaration. */
export function validateFields(
  fields: RecordFields,
  values: Readonly<Record<string, unknown>>,
): SchemaErrors {
  const errors: SchemaErrors = {};
  for (const [name, field] of Object.entries(fields)) {
    if (name in values) checkField(errors, name, field, values[name]);
  }
  return errors;
}
