import { describeError, describeTarget, redactUrl } from './redact';

describe('credential-free error descriptions', () => {
  it('removes user and password from connection URLs', () => {
    expect(redactUrl('failed: postgres://admin:s3cret@db:5432/app and mongodb://u:p@m:27017')).toBe(
      'failed: postgres://***@db:5432/app and mongodb://***@m:27017',
    );
    expect(describeTarget('postgres://admin:s3cret@db:5432/app')).toBe('postgres://db:5432/app');
  });

  it('reduces network errors to their system code, also when only the message carries it', () => {
    expect(
      describeError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe('ECONNREFUSED');
    expect(describeError(new Error('Error: connect ECONNREFUSED 127.0.0.1:5432'))).toBe('ECONNREFUSED');
    expect(describeError({ message: 'getaddrinfo ENOTFOUND db' })).toBe('ENOTFOUND');
    expect(describeError(new Error('password authentication failed for user "postgres"'))).toBe(
      'password authentication failed for user "postgres"',
    );
    expect(describeError('bad postgres://a:b@h/x')).toBe('bad postgres://***@h/x');
  });
});
