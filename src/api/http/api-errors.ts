// Errors the management API raises on purpose. The exception filter maps them (and the core's typed
// errors) to FeatBit's status codes and error codes (docs/reference/management-api.md#errors).

/** One field-level validation problem: FeatBit-style code plus a readable message. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export abstract class ApiError extends Error {
  abstract readonly status: number;
  abstract readonly codes: string[];
  /** Optional payload for the envelope's `data` (e.g. the flags that still use a segment). */
  readonly data: unknown = null;
  readonly details: FieldProblem[] | undefined = undefined;
}

/** 400 with field-level problems. */
export class ValidationFailedError extends ApiError {
  readonly status = 400;
  readonly codes: string[];
  override readonly details: FieldProblem[];
  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => p.message).join('; ') || 'the request is invalid');
    this.details = problems;
    this.codes = [...new Set(problems.map((p) => p.code))];
  }

  static of(field: string, code: string, message: string): ValidationFailedError {
    return new ValidationFailedError([{ field, code, message }]);
  }
}

/** 400 for a request that cannot be read at all (invalid JSON, wrong content type …). */
export class BadRequestError extends ApiError {
  readonly status = 400;
  readonly codes: string[];
  constructor(code: string, message: string) {
    super(message);
    this.codes = [code];
  }
}

/** 422: the request is well-formed but breaks a business rule (FeatBit's ErrorCodes). */
export class BusinessRuleError extends ApiError {
  readonly status = 422;
  readonly codes: string[];
  override readonly data: unknown;
  constructor(code: string, message: string, data: unknown = null) {
    super(message);
    this.codes = [code];
    this.data = data;
  }
}

export class UnauthorizedError extends ApiError {
  readonly status = 401;
  readonly codes = ['Unauthorized'];
  constructor(message = 'authentication is required') {
    super(message);
  }
}

export class ForbiddenError extends ApiError {
  readonly status = 403;
  readonly codes = ['Forbidden'];
  constructor(message = 'you do not have permission to do this') {
    super(message);
  }
}

export class ResourceNotFoundError extends ApiError {
  readonly status = 404;
  readonly codes = ['ResourceNotFound'];
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends ApiError {
  readonly status = 409;
  readonly codes = ['Conflict'];
}

export class PayloadTooLargeError extends ApiError {
  readonly status = 413;
  readonly codes = ['PayloadTooLarge'];
}

export class TooManyRequestsError extends ApiError {
  readonly status = 429;
  readonly codes = ['TooManyRequests'];
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** FeatBit's business-rule codes used by this API. */
export const ERROR_CODES = {
  keyHasBeenUsed: 'KeyHasBeenUsed',
  nameHasBeenUsed: 'NameHasBeenUsed',
  emailPasswordMismatch: 'EmailPasswordMismatch',
  passwordMismatch: 'PasswordMismatch',
  externalUserCannotChangePassword: 'ExternalUserCannotChangePassword',
  passwordTooShort: 'PasswordTooShort',
  cannotModifySysManagedPolicy: 'CannotModifySysManagedPolicy',
  cannotModifyBuiltInProperty: 'CannotModifyBuiltInProperty',
  cannotDeleteUnArchivedSegment: 'CannotDeleteUnArchivedSegment',
  segmentIsBeingUsed: 'SegmentIsBeingUsed',
  cannotDeleteUnarchivedFeatureFlag: 'CannotDeleteUnarchivedFeatureFlag',
  endUserLimitExceeded: 'EndUserLimitExceeded',
  emailHasBeenUsed: 'EmailHasBeenUsed',
  cannotRemoveLastOwner: 'CannotRemoveLastOwner',
  changeCommentRequired: 'ChangeCommentRequired',
} as const;
