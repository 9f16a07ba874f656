/**
 * Payment card data must never be stored (PCI DSS): agents read card numbers back and
 * customers say them aloud, so transcripts and comments are cleaned on the way in.
 */

/** ASCII and full-width digits (a number typed with an East Asian input method is still a number). */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
/**
 * What people put between the groups of a card number: spaces (one or several, tabs, no-break
 * and ideographic spaces), dots, dashes, slashes, underscores and their full-width forms.
 */
const SEPARATOR = '[ \\t\\u00A0\\u3000.\\-/_\\uFF0D\\uFF0E\\uFF0F\\uFF3F]';
/** A run of digit groups, each separated from the next by up to three separator characters. */
const DIGIT_RUN = new RegExp(`${DIGIT}+(?:${SEPARATOR}{1,3}${DIGIT}+)*`, 'g');
const ONE_DIGIT = new RegExp(DIGIT, 'g');

/**
 * A security code after its name ("CVV 123", "CVV123", "cvc: 1234", "CVV" and the code on the
 * next line, "código de seguridad es el 123"), allowing a few connecting words between them.
 */
const SECURITY_CODE = new RegExp(
  `\\b(cvv2?|cvc2?|c[óo]digo de seguridad|security code)(?![a-z])([^0-9\\uFF10-\\uFF19]{0,24}?)${DIGIT}{3,4}(?!${DIGIT})`,
  'gi',
);

const asciiDigit = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : ch;
};

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
function maskDigits(text: string): string {
  let toMask = (text.match(ONE_DIGIT) ?? []).length - 4;
  return text.replace(ONE_DIGIT, (digit) => (toMask-- > 0 ? '*' : digit));
}

/**
 * Masks the card numbers inside one run of digit groups: the whole run when it is one, otherwise
 * every stretch of whole groups (13–19 digits, longest first) that passes Luhn — so a date or an
 * extension written next to a card does not hide it.
 */
function maskRun(run: string): string {
  const groups: Array<{ start: number; end: number; digits: string }> = [];
  for (const match of run.matchAll(new RegExp(`${DIGIT}+`, 'g'))) {
    groups.push({ start: match.index, end: match.index + match[0].length, digits: [...match[0]].map(asciiDigit).join('') });
  }
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < groups.length) {
    // Stretches starting at group i, at most 19 digits long (so a long run costs linear time).
    const ends: Array<{ j: number; digits: string }> = [];
    let digits = '';
    for (let j = i; j < groups.length && digits.length + groups[j]!.digits.length <= 19; j++) {
      digits += groups[j]!.digits;
      ends.push({ j, digits });
    }
    const card = ends.reverse().find((e) => e.digits.length >= 13 && luhnValid(e.digits));
    const found = card ? card.j : -1;
    if (found < 0) {
      i++;
      continue;
    }
    const start = groups[i]!.start;
    const end = groups[found]!.end;
    out += run.slice(copied, start) + maskDigits(run.slice(start, end));
    copied = end;
    i = found + 1;
  }
  return out + run.slice(copied);
}

/**
 * Masks Luhn-valid card numbers (13–19 digits, plain or with any separators between digit groups,
 * ASCII or full-width digits) to their last four digits, and removes security codes said after
 * "CVV", "CVC" or "código de seguridad", with or without a space or line break before them.
 */
export function redactSensitive(text: string): string {
  return text.replace(DIGIT_RUN, maskRun).replace(SECURITY_CODE, (_, name: string, between: string) => `${name}${between}***`);
}
