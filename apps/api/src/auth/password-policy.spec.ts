import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts.js';
import { passwordPolicyProblem } from './password-policy.js';
import { passwordLength, passwordLengthProblem, truncatePassword } from './password.js';

const person = { email: 'lucia.fernandez@test.example', name: 'Lucía Fernández Ortega' };

describe('password rules', () => {
  it.each([
    ['12345678', 'password is one of the most common passwords; choose a less predictable one'],
    ['password', 'password is one of the most common passwords; choose a less predictable one'],
    ['PassWord', 'password is one of the most common passwords; choose a less predictable one'],
    ['iloveyou', 'password is one of the most common passwords; choose a less predictable one'],
    ['        ', 'password must not be only spaces'],
    ['\t\t\t\t\t\t\t\t', 'password must not be only spaces'],
    ['lucia.fernandez@test.example', 'password must not contain your e-mail address'],
    ['LUCIA.FERNANDEZ@TEST.EXAMPLE', 'password must not contain your e-mail address'],
    ['my-lucia.fernandez-2031', 'password must not contain your e-mail address'],
    ['fernandez-2031', 'password must not contain your name'],
    ['FERNÁNDEZ 2031!', 'password must not contain your name'],
    ['ortega-ortega', 'password must not contain your name'],
    ['short', 'password must be between 8 and 256 characters'],
    ['x'.repeat(257), 'password must be between 8 and 256 characters'],
  ])('refuses %j: %s', (password, message) => {
    expect(passwordPolicyProblem(password, person)).toBe(message);
  });

  it.each(['tres tristes tigres', 'correct horse battery staple', 'Decálogo-2031-q4', '😀'.repeat(8)])(
    'accepts %j',
    (password) => {
      expect(passwordPolicyProblem(password, person)).toBeNull();
    },
  );

  it('does not refuse a password for holding a short part of the name or e-mail ("al", "de")', () => {
    expect(passwordPolicyProblem('alpha-delta-2031', { email: 'al@test.example', name: 'Al de Paz' })).toBeNull();
    expect(passwordPolicyProblem('al', { email: 'al@test.example', name: 'Al de Paz' })).not.toBeNull();
  });

  it('lets the demo password through for every demo account (the seed hashes it without the rules)', () => {
    for (const account of DEMO_ACCOUNTS) expect(passwordPolicyProblem(DEMO_PASSWORD, account)).toBeNull();
  });

  it('counts characters as code points, the same when a password is set and at sign-in', () => {
    expect(passwordLength('😀'.repeat(256))).toBe(256);
    expect(passwordLengthProblem('😀'.repeat(256))).toBeNull();
    expect(passwordLengthProblem('😀'.repeat(257))).not.toBeNull();
    expect(passwordLengthProblem('😀'.repeat(7))).not.toBeNull();
    expect(truncatePassword('😀'.repeat(300))).toBe('😀'.repeat(256));
  });
});
