import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { FieldProblem } from './api-errors';

// Input checks that class-validator does not make on its own. They answer 400 naming the field
// instead of letting the value reach service code or the database (which answered 500).

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return parent ? `${parent}.${name}` : name;
}

function leafOf(path: string): string {
  const last =
    path
      .replace(/(\[\d+\])+$/, '')
      .split('.')
      .pop() ?? '';
  return last || 'body';
}

/** A character PostgreSQL cannot store in text or jsonb: NUL, or half of a surrogate pair. */
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first string (value or object key) in parsed input that the database cannot store, as a
 * field problem named by its path (`variations[0].value`). Iterative: safe on any depth.
 */
export function unstorableText(value: unknown, root = ''): FieldProblem | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (UNSTORABLE.test(node))
        return problem(path, 'must not contain NUL characters or unpaired surrogates');
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], join(path, i)]);
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (UNSTORABLE.test(key))
          return problem(
            join(path, key.replace(UNSTORABLE, '?')),
            'field names must not contain NUL characters',
          );
        stack.push([child, join(path, key)]);
      }
    }
  }
  return null;
}

function problem(path: string, message: string): FieldProblem {
  const field = path || 'body';
  return { field, code: `${leafOf(field)}_is_invalid`, message: `${field} ${message}` };
}

const isPlainObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Nested DTO properties (`@ValidateNested`) that hold an array where one object is expected, or an
 * array or primitive among the elements of an array of objects. class-validator accepts an array
 * for a single nested object (it validates each element), so `cursor: []` passed as valid.
 */
export function misshapenNested(instance: unknown, root = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[instance, root]];
  const storage = getMetadataStorage();
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (!isPlainObject(node)) continue;
    const metas = storage
      .getTargetValidationMetadatas(node.constructor, '', true, false)
      .filter((m) => m.type === ValidationTypes.NESTED_VALIDATION);
    for (const meta of metas) {
      const name = meta.propertyName;
      const value = (node as Record<string, unknown>)[name];
      const field = join(path, name);
      if (value === undefined || value === null) continue;
      if (!meta.each) {
        if (isPlainObject(value)) stack.push([value, field]);
        else problems.push(problem(field, 'must be an object'));
      } else if (Array.isArray(value)) {
        value.forEach((element: unknown, i) => {
          if (isPlainObject(element)) stack.push([element, join(field, i)]);
          else problems.push(problem(join(field, i), 'must be an object'));
        });
      }
    }
  }
  return problems;
}
