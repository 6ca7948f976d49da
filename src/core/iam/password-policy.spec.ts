import { passwordProblem } from './password-policy';

describe('password policy', () => {
  it.each([
    ['12345678', 'too-common'],
    ['password', 'too-common'],
    ['Password1', 'too-common'],
    ['        ', 'too-short'],
    ['  abc12  ', 'too-short'],
    ['zzzzzzzzzz', 'too-common'],
    ['short', 'too-short'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each(['admin-password-1', 'e2e-Admin-Password-1', 'correct horse battery'])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
