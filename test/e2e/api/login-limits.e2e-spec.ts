jest.setTimeout(120_000);
import { ADMIN_EMAIL, ApiApp } from './support/api-app';

/** Parallel wrong sign-ins from `remoteAddress`; the statuses they get. */
async function parallelLogins(
  api: ApiApp,
  count: number,
  emailOf: (i: number) => string,
  remoteAddress: string,
): Promise<number[]> {
  const fastify = api.app.getHttpAdapter().getInstance();
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      fastify.inject({
        method: 'POST',
        url: '/api/v1/identity/login-by-email',
        remoteAddress,
        payload: { email: emailOf(i), password: 'wrong-password-1' },
      }),
    ),
  );
  return responses.map((r) => r.statusCode);
}

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('sign-in limits under concurrency (e2e, in-process)', () => {
  let api: ApiApp;

  beforeAll(async () => {
    api = await ApiApp.start(); // default limits: 10 per account, 100 per address
  });
  afterAll(() => api.close());

  it('lets at most 10 of 60 parallel wrong passwords for one account reach the password check', async () => {
    const statuses = await parallelLogins(api, 60, () => ADMIN_EMAIL, '10.0.0.1');
    // 422 EmailPasswordMismatch means the password was checked; the rest are refused before.
    expect(count(statuses, 422)).toBe(10);
    expect(count(statuses, 429)).toBe(50);
  });

  it('lets at most 100 of 150 parallel attempts from one address reach the password check', async () => {
    const statuses = await parallelLogins(api, 150, (i) => `user-${i}@example.com`, '10.0.0.2');
    expect(count(statuses, 422)).toBe(100);
    expect(count(statuses, 429)).toBe(50);
  });
});
