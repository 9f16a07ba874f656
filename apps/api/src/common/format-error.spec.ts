import { formatError, hideSuggestions } from './format-error.js';

describe('error formatting', () => {
  it.each([
    ['Cannot query field "emial" on type "User". Did you mean "email"?', 'Cannot query field "emial" on type "User".'],
    [
      'Value "INBOUN" does not exist in "CallDirection" enum. Did you mean the enum value "INBOUND"?',
      'Value "INBOUN" does not exist in "CallDirection" enum.',
    ],
    [
      'Variable "$f" got invalid value "X"; Value "X" does not exist in "CallPurpose" enum. Did you mean the enum value "SALES" or "SUPPORT"?',
      'Variable "$f" got invalid value "X"; Value "X" does not exist in "CallPurpose" enum.',
    ],
    [
      'Field "directoin" is not defined by type "CallFilter". [Suggestion hidden]?',
      'Field "directoin" is not defined by type "CallFilter".',
    ],
    ['Unknown argument "frist". Did you mean "first"?', 'Unknown argument "frist".'],
  ])('hides the suggestion in %j', (message, expected) => {
    expect(hideSuggestions(message)).toBe(expected);
  });

  it('hides suggestions in production only', () => {
    const error = {
      message: 'Value "INBOUN" does not exist. Did you mean the enum value "INBOUND"?',
      extensions: { code: 'BAD_USER_INPUT' },
    };
    expect(formatError(error, true).message).toBe('Value "INBOUN" does not exist.');
    expect(formatError(error, false).message).toBe(error.message);
  });

  it('answers a persisted-query hash that does not match as BAD_REQUEST, not as a server fault', () => {
    const error = { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(error, true)).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});
