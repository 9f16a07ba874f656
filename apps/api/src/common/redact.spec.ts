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

  it.each([
    ['dots 4111.1111.1111.1111 fin', 'dots ****.****.****.1111 fin'],
    ['two spaces 4111  1111  1111  1111 fin', 'two spaces ****  ****  ****  1111 fin'],
    ['slashes 4111/1111/1111/1111 fin', 'slashes ****/****/****/1111 fin'],
    ['underscores 4111_1111_1111_1111 fin', 'underscores ****_****_****_1111 fin'],
    ['mixed 4111 - 1111 . 1111 / 1111 fin', 'mixed **** - **** . **** / 1111 fin'],
    ['tabs 4111\t1111\t1111\t1111', 'tabs ****\t****\t****\t1111'],
    ['full width ４１１１１１１１１１１１１１１１', 'full width ************１１１１'],
    ['full width spaced ４１１１　１１１１　１１１１　１１１１', 'full width spaced ****　****　****　１１１１'],
    ['amex 3782.822463.10005', 'amex ****.******.*0005'],
    ['el 23/11 4111 1111 1111 1111 ok', 'el 23/11 **** **** **** 1111 ok'],
    ['4111111111111111 y 5500-0000-0000-0004', '************1111 y ****-****-****-0004'],
  ])('masks a card number whatever separates its groups: %s', (input, expected) => {
    expect(redactSensitive(input)).toBe(expected);
  });

  it('leaves long runs of digit groups that hold no card alone, in linear time', () => {
    const text = '5 '.repeat(100_000);
    expect(redactSensitive(text)).toBe(text);
    for (const other of ['fecha 2026.11.23 10.30', 'tel 600/123/456', 'lote 4111_1111_1111_1112 (no Luhn)']) {
      expect(redactSensitive(other)).toBe(other);
    }
  });

  it.each([
    ['CVV123', 'CVV***'],
    ['el cvv123.', 'el cvv***.'],
    ['CVV\n123', 'CVV\n***'],
    ['CVC:\r\n4567 gracias', 'CVC:\r\n*** gracias'],
    ['CVV2 123', 'CVV2 ***'],
    ['CVV ４５６', 'CVV ***'],
  ])('removes a security code written without a space or on the next line: %j', (input, expected) => {
    expect(redactSensitive(input)).toBe(expected);
  });

  it('cleans a card and its code in one sentence', () => {
    expect(redactSensitive('4111 1111 1111 1111 con CVV 123')).toBe('**** **** **** 1111 con CVV ***');
  });
});
