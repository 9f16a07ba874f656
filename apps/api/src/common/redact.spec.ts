import { luhnValid, redactSensitive } from './redact.js';

describe('redacting payment card data', () => {
  it('knows the Luhn checksum', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true); // 15-digit card
  });

  it.each([
    ['mi tarjeta es 4111111111111111, gracias', 'mi tarjeta es ************1111, gracias'],
    ['la tarjeta 4111 1111 1111 1111 vence', 'la tarjeta **** **** **** 1111 vence'],
    ['card 5500-0000-0000-0004.', 'card ****-****-****-0004.'],
    ['amex 3782 822463 10005', 'amex **** ****** *0005'],
    ['19 digits 6011000990139424009 ok', '19 digits ***************4009 ok'],
  ])('masks a card number to its last four digits: %s', (input, expected) => {
    expect(redactSensitive(input)).toBe(expected);
  });

  it('leaves numbers that are not card numbers alone', () => {
    for (const text of [
      'pedido 4111111111111112', // fails Luhn
      'teléfono 600 123 456', // too short
      'referencia C-15646 del 2026-11-23',
      'importe 1234,56 €',
      '12345678901234567890123', // longer than any card
    ]) {
      expect(redactSensitive(text)).toBe(text);
    }
  });

  it.each([
    ['el CVV es 123', 'el CVV es ***'],
    ['cvc: 1234 y nada más', 'cvc: *** y nada más'],
    ['me dio el código de seguridad, el 987, y colgó', 'me dio el código de seguridad, el ***, y colgó'],
    ['Codigo de seguridad 456', 'Codigo de seguridad ***'],
    ['security code is 321', 'security code is ***'],
  ])('removes a security code after its name: %s', (input, expected) => {
    expect(redactSensitive(input)).toBe(expected);
  });

  it('cleans a card and its code in one sentence', () => {
    expect(redactSensitive('4111 1111 1111 1111 con CVV 123')).toBe('**** **** **** 1111 con CVV ***');
  });
});
