import { HttpErrorResponse } from '@angular/common/http';
import { ApiError } from '../../api/api-envelope';
import { describeCode, describeError } from './error-messages';

describe('API errors in words', () => {
  const http = (status: number, error: unknown) => new HttpErrorResponse({ status, error });

  it('maps known codes whatever their spelling', () => {
    expect(describeCode('KeyHasBeenUsed')).toBe('This key is already used.');
    expect(describeCode('key_has_been_used')).toBe('This key is already used.');
    expect(describeCode('key_is_invalid')).toMatch(/letters, digits/);
  });

  it('turns unknown codes into a sentence', () => {
    expect(describeCode('some_new_code')).toBe('Some new code.');
    expect(describeCode('VariationIsInUse')).toBe('Variation is in use.');
  });

  it('prefers field details, then known codes, then the server message', () => {
    expect(
      describeError(
        http(400, {
          success: false,
          errors: ['key_is_invalid'],
          data: null,
          details: [{ field: 'key', code: 'key_is_invalid', message: 'key may only contain letters' }],
        }),
      ),
    ).toBe('key may only contain letters');
    expect(
      describeError(http(422, { success: false, errors: ['SegmentIsBeingUsed'], data: null, message: 'x' })),
    ).toMatch(/still used by feature flags/);
    expect(
      describeError(http(422, { success: false, errors: ['Odd'], data: null, message: 'the odd rule' })),
    ).toBe('The odd rule.');
  });

  it('explains bare HTTP failures', () => {
    expect(describeError(http(0, null))).toMatch(/cannot be reached/);
    expect(describeError(http(404, 'nope'))).toMatch(/no longer exists/);
    expect(describeError(http(500, null))).toMatch(/unexpected error/);
  });

  it('keeps the envelope data of business-rule errors', () => {
    const err = ApiError.from(
      http(422, { success: false, errors: ['SegmentIsBeingUsed'], data: [{ key: 'f' }] }),
    );
    expect(err.has('segment_is_being_used')).toBe(true);
    expect(err.data).toEqual([{ key: 'f' }]);
  });
});
