import { leanOf } from './evaluator-lean.js';

describe('leanOf', () => {
  it('is the evaluator’s mean answer minus everyone’s, banded at ±0.25', () => {
    // 5 answers averaging 3.6 against everyone’s 3.2: +0.4, lenient.
    const lenient = leanOf({ sum: 18, count: 5 }, { sum: 64, count: 20 });
    expect(lenient.lean).toBeCloseTo(0.4, 12);
    expect(lenient).toMatchObject({ direction: 'LENIENT', answers: 5 });
    expect(leanOf({ sum: 14, count: 5 }, { sum: 64, count: 20 }).direction).toBe('HARSH');
    expect(leanOf({ sum: 16, count: 5 }, { sum: 64, count: 20 }).direction).toBe('ALIGNED');
  });

  it('counts a lean of exactly ±0.25 as leaning, whatever binary noise says', () => {
    // 3.25 − 3 and 2.75 − 3, each through sums that do not divide exactly in binary.
    expect(leanOf({ sum: 26, count: 8 }, { sum: 30, count: 10 }).direction).toBe('LENIENT');
    expect(leanOf({ sum: 22, count: 8 }, { sum: 30, count: 10 }).direction).toBe('HARSH');
    expect(leanOf({ sum: 32.3, count: 10 }, { sum: 29.8, count: 10 }).direction).toBe('LENIENT');
  });

  it('needs at least 5 answers from the evaluator', () => {
    expect(leanOf({ sum: 16, count: 4 }, { sum: 40, count: 20 })).toEqual({ lean: null, direction: null, answers: 4 });
  });
});
