import { quoteValue, textProblem } from './text.js';

describe('text from outside', () => {
  it.each([
    ['plain text', 'Buenos días 😀', null],
    ['a NUL character', 'a\u0000b', /NUL/],
    ['a lone high surrogate', 'a\ud83db', /surrogate/],
    ['a lone low surrogate at the end', 'ab\ude00', /surrogate/],
  ])('%s', (_label, value, problem) => {
    const found = textProblem(value);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it('quotes a value whole when it is short, and cut with an ellipsis when it is long', () => {
    expect(quoteValue('corto')).toBe('corto');
    expect(quoteValue('x'.repeat(80))).toBe('x'.repeat(80));
    expect(quoteValue('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
    expect(quoteValue('abcdef', 3)).toBe('abc…');
  });

  it('cuts between characters, never inside one, and shows what JSON text cannot hold', () => {
    expect(quoteValue('😀'.repeat(100), 3)).toBe('😀😀😀…');
    expect(quoteValue('a\u0000b')).toBe('a␀b');
    expect(quoteValue('a\ud83db')).toBe('a\ufffdb');
  });

  it('reads no further than it keeps', () => {
    const huge = 'y'.repeat(50_000_000);
    expect(quoteValue(huge)).toHaveLength(81);
  });
});
