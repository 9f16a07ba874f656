/**
 * Payment card data must never be stored (PCI DSS): agents read card numbers back and
 * customers say them aloud, so transcripts and comments are cleaned on the way in.
 */

/** 13–19 digits, each group separated by at most one space or dash. */
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

/**
 * A security code after its name ("CVV 123", "cvc: 1234", "código de seguridad es el 123"),
 * allowing a few connecting words between them.
 */
const SECURITY_CODE = /\b(cvv2?|cvc2?|c[óo]digo de seguridad|security code)\b([^\d\n]{0,24}?)\d{3,4}(?!\d)/gi;

/** The Luhn checksum that every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Every digit but the last four becomes `*`; separators stay, so the shape is still readable. */
function maskCard(candidate: string): string {
  const digits = candidate.replace(/\D/g, '');
  if (!luhnValid(digits)) return candidate;
  let toMask = digits.length - 4;
  return candidate.replace(/\d/g, (digit) => (toMask-- > 0 ? '*' : digit));
}

/**
 * Masks Luhn-valid card numbers (13–19 digits, plain, spaced or dashed) to their last four digits
 * and removes security codes said after "CVV", "CVC" or "código de seguridad".
 */
export function redactSensitive(text: string): string {
  return text
    .replace(CARD_CANDIDATE, maskCard)
    .replace(SECURITY_CODE, (_, name: string, between: string) => `${name}${between}***`);
}
