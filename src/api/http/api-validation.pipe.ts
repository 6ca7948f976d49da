import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { type FieldProblem, ValidationFailedError } from './api-errors';
import { misshapenNested } from './input-shape';

// Request validation: unknown fields, wrong types and oversized values are refused with 400 before
// any handler runs. Codes follow FeatBit's `<field>_is_<problem>` style; a decorator can set its own
// code with `context: { code: 'key_is_invalid' }`.

const REQUIRED = new Set(['isDefined', 'isNotEmpty', 'arrayNotEmpty']);
const TOO_LONG = new Set(['maxLength', 'arrayMaxSize']);

function codeFor(field: string, constraint: string, context: Record<string, unknown> | undefined): string {
  const custom = context?.[constraint] as { code?: unknown } | undefined;
  if (custom && typeof custom.code === 'string') return custom.code;
  const name = field || 'body';
  if (constraint === 'whitelistValidation') return `${name}_is_not_allowed`;
  if (REQUIRED.has(constraint)) return `${name}_is_required`;
  if (TOO_LONG.has(constraint)) return `${name}_is_too_long`;
  return `${name}_is_invalid`;
}

function pathOf(parent: string, property: string): string {
  if (property === '') return parent;
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const path = pathOf(parent, error.property ?? '');
    const leaf = /^\d+$/.test(error.property)
      ? parent
          .replace(/\[\d+\]$/, '')
          .split('.')
          .pop()!
      : error.property;
    let constraints = Object.entries(error.constraints ?? {});
    // A missing value fails every rule of the field; report only that it is required.
    const required = constraints.filter(([name]) => REQUIRED.has(name));
    if (required.length > 0) constraints = required.slice(0, 1);
    for (const [constraint, message] of constraints) {
      problems.push({
        field: path || 'body',
        code: codeFor(leaf, constraint, error.contexts),
        message:
          constraint === 'whitelistValidation'
            ? `unknown field '${path}'`
            : constraint === 'unknownValue'
              ? 'the request body must be a JSON object'
              : message,
      });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, path));
  }
  return problems;
}

/** Nest's pipe plus the shape checks class-validator lacks (an array for a nested object). */
class ApiValidationPipe extends ValidationPipe {
  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const shape = misshapenNested(object);
    if (shape.length > 0) throw new ValidationFailedError(shape);
    return super.validate(object, validatorOptions);
  }
}

export function createApiValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}
