import { ApiError, normalizeCode } from '../../api/api-envelope';

// Error codes of the management API in words (in the build's language). Codes are compared without case, `_` or `-`, so
// `KeyHasBeenUsed` and `key_has_been_used` share one entry.
const MESSAGES: Record<string, string> = {
  EmailPasswordMismatch: $localize`The e-mail or password is incorrect.`,
  Unauthorized: $localize`Your session has expired. Please sign in again.`,
  Forbidden: $localize`You don't have permission to do this.`,
  ResourceNotFound: $localize`It no longer exists — someone may have deleted it.`,
  Conflict: $localize`Someone else changed this in the meantime.`,
  KeyHasBeenUsed: $localize`This key is already used.`,
  NameHasBeenUsed: $localize`This name is already used.`,
  PasswordTooShort: $localize`The password is too short (at least 8 characters).`,
  PasswordMismatch: $localize`The current password is incorrect.`,
  ExternalUserCannotChangePassword: $localize`Accounts signed in through SSO or a social login have no password here.`,
  CannotModifyBuiltInProperty: $localize`Built-in properties cannot be changed.`,
  CannotDeleteUnArchivedSegment: $localize`Archive the segment before deleting it.`,
  SegmentIsBeingUsed: $localize`The segment is still used by feature flags; remove it from their rules first.`,
  CannotDeleteUnarchivedFeatureFlag: $localize`Archive the flag before deleting it.`,
  EndUserLimitExceeded: $localize`Too many end users for this operation.`,
  InternalServerError: $localize`The server hit an unexpected error. Try again, and check the server log if it persists.`,
  NetworkError: $localize`The server cannot be reached. Check your connection.`,
  BadRequest: $localize`The request was not accepted; check the fields.`,
  KeyIsRequired: $localize`A key is required.`,
  KeyIsInvalid: $localize`The key may only contain letters, digits, ".", "_" and "-".`,
  NameIsRequired: $localize`A name is required.`,
  EmailIsRequired: $localize`An e-mail is required.`,
  EmailIsInvalid: $localize`The e-mail address is not valid.`,
  PasswordIsRequired: $localize`A password is required.`,
  RevisionIsRequired: $localize`The flag revision is missing; reload and try again.`,
  VariationsIsRequired: $localize`At least one variation is required.`,
  ChangeCommentRequired: $localize`This environment requires a comment for every change.`,
  EmailHasBeenUsed: $localize`Another account already uses this e-mail.`,
  CannotRemoveLastOwner: $localize`The organization needs at least one owner.`,
  TooManyRequests: $localize`Too many requests. Wait a moment and try again.`,
};

const BY_NORMALIZED = new Map(Object.entries(MESSAGES).map(([code, text]) => [normalizeCode(code), text]));

/** One code in words; unknown codes are turned from `some_code_name` into "Some code name". */
export function describeCode(code: string): string {
  const known = BY_NORMALIZED.get(normalizeCode(code));
  if (known) return known;
  const words = code
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) + '.' : $localize`Something went wrong.`;
}

/** Everything an error has to say, in words. Field-level details win over bare codes. */
export function describeError(err: unknown): string {
  const apiError = ApiError.from(err);
  if (apiError.details.length > 0) {
    return apiError.details
      .map((d) => d.message || $localize`${d.field}:field:: ${describeCode(d.code)}:error:`)
      .join(' ');
  }
  if (apiError.codes.length === 0) return describeCode(apiError.status === 409 ? 'Conflict' : 'BadRequest');
  const known = apiError.codes.filter((c) => BY_NORMALIZED.has(normalizeCode(c)));
  // An unknown code says less than the server's own explanation.
  if (known.length === 0 && apiError.serverMessage) return sentence(apiError.serverMessage);
  return [...new Set(apiError.codes.map(describeCode))].join(' ');
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : capitalised + '.';
}
