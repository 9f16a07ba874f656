import { computeScore, DEFAULT_RUBRIC, roundHalfAwayFromZero } from '@decalogo/scoring';
import {
  EMPTY_ANSWER,
  cardKeyAction,
  commentRequired,
  fromSavedAnswers,
  liveScore,
  missingForSubmit,
  parseSeconds,
  toAnswerInputs,
  toAnswerMap,
  toSubmittedAnswers,
} from './scoring-form';
import type { AnswerState, AnswerStates } from './scoring-form';

const answer = (value: number | null, extra: Partial<AnswerState> = {}): AnswerState => ({
  ...EMPTY_ANSWER,
  value,
  ...extra,
});
const na = (): AnswerState => ({ ...EMPTY_ANSWER, na: true });

/** Every rule answered `value`, with `overrides` by code (null = N/A). */
function all(value: number, overrides: Record<string, AnswerState> = {}): Record<string, AnswerState> {
  return Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.code, overrides[c.code] ?? answer(value)]));
}

const FACTS = { resolution: 'RESOLVED', resolutionLabel: 'Resolución' };

describe('cardKeyAction', () => {
  it.each(['0', '1', '2', '3', '4'])('answers %s', (key) => {
    expect(cardKeyAction(key, false)).toEqual({ kind: 'answer', change: { value: Number(key), na: false } });
  });

  it('marks N/A with n or N where the criterion allows it', () => {
    expect(cardKeyAction('n', true)).toEqual({ kind: 'answer', change: { value: null, na: true } });
    expect(cardKeyAction('N', true)).toEqual({ kind: 'answer', change: { value: null, na: true } });
  });

  it('refuses N/A where the criterion does not allow it', () => {
    expect(cardKeyAction('n', false)).toEqual({ kind: 'refused' });
  });

  it('moves with the arrows and j/k', () => {
    expect(cardKeyAction('ArrowDown', false)).toEqual({ kind: 'move', step: 1 });
    expect(cardKeyAction('j', false)).toEqual({ kind: 'move', step: 1 });
    expect(cardKeyAction('ArrowUp', false)).toEqual({ kind: 'move', step: -1 });
    expect(cardKeyAction('k', false)).toEqual({ kind: 'move', step: -1 });
  });

  it.each(['5', '9', '-', 'a', 'Enter', 'Tab', ' '])('leaves %j to the browser', (key) => {
    expect(cardKeyAction(key, true)).toEqual({ kind: 'none' });
  });
});

describe('commentRequired', () => {
  it('is required on 0 and 1 only (docs/rubric.md#a-0-or-1-needs-evidence)', () => {
    expect([0, 1, 2, 3, 4].map((v) => commentRequired(answer(v)))).toEqual([true, true, false, false, false]);
  });

  it('is not required while unanswered or on N/A', () => {
    expect(commentRequired(EMPTY_ANSWER)).toBe(false);
    expect(commentRequired(na())).toBe(false);
  });
});

describe('toAnswerMap', () => {
  it('gives libs/scoring a number, null for N/A and undefined when not answered', () => {
    expect(toAnswerMap({ R1: answer(3), R2: na(), R3: EMPTY_ANSWER })).toEqual({ R1: 3, R2: null, R3: undefined });
  });
});

describe('liveScore', () => {
  it('is null while nothing is answered with a number', () => {
    expect(liveScore(DEFAULT_RUBRIC, {})).toBeNull();
    expect(liveScore(DEFAULT_RUBRIC, { R2: na() })).toBeNull();
  });

  it('is the library score rounded to one decimal', () => {
    const answers = all(3, { R2: na(), R3: answer(1), R7: answer(2), R10: na() });
    const expected = computeScore(DEFAULT_RUBRIC, toAnswerMap(answers));
    expect(liveScore(DEFAULT_RUBRIC, answers)).toEqual({
      score: roundHalfAwayFromZero(expected.score),
      rawScore: roundHalfAwayFromZero(expected.rawScore),
      criticalFailure: false,
    });
  });

  it('follows the examples of docs/rubric.md#raw-score', () => {
    expect(liveScore(DEFAULT_RUBRIC, all(3))).toEqual({ score: 75, rawScore: 75, criticalFailure: false });
    expect(liveScore(DEFAULT_RUBRIC, all(4, { R2: na(), R6: na(), R7: na(), R10: na() }))?.score).toBe(100);
    expect(liveScore(DEFAULT_RUBRIC, all(4, { R8: answer(0, { comment: 'gritó' }) }))).toEqual({
      score: 0,
      rawScore: 85,
      criticalFailure: true,
    });
  });

  it('scores a partial draft over what is answered', () => {
    expect(liveScore(DEFAULT_RUBRIC, { R1: answer(2) })).toEqual({ score: 50, rawScore: 50, criticalFailure: false });
  });
});

describe('toSubmittedAnswers', () => {
  it('leaves out what is not answered and sends N/A as null', () => {
    expect(toSubmittedAnswers({ R1: answer(1, { comment: 'x' }), R2: na(), R3: EMPTY_ANSWER })).toEqual({
      R1: { value: 1, comment: 'x' },
      R2: { value: null, comment: '' },
    });
  });
});

describe('missingForSubmit', () => {
  it('names every unanswered criterion and the missing resolution', () => {
    const items = missingForSubmit(DEFAULT_RUBRIC, {}, { resolution: null, resolutionLabel: 'Resolución' });
    expect(items).toHaveLength(DEFAULT_RUBRIC.length + 1);
    expect(items[0]).toBe('R1: an answer is required');
    expect(items.at(-1)).toBe('Resolución');
  });

  it('asks for a comment on 0 or 1, and accepts it once written', () => {
    const low = all(3, { R3: answer(1) });
    expect(missingForSubmit(DEFAULT_RUBRIC, low, FACTS)).toEqual(['R3: a comment is required for answers of 0 or 1']);
    const blank = all(3, { R3: answer(0, { comment: '   ' }) });
    expect(missingForSubmit(DEFAULT_RUBRIC, blank, FACTS)).toHaveLength(1);
    expect(missingForSubmit(DEFAULT_RUBRIC, all(3, { R3: answer(1, { comment: 'min 01:10' }) }), FACTS)).toEqual([]);
  });

  it('refuses N/A where the criterion does not allow it', () => {
    expect(missingForSubmit(DEFAULT_RUBRIC, all(3, { R1: na() }), FACTS)).toEqual(['R1: N/A is not allowed for this criterion']);
  });

  it('is empty for a complete evaluation', () => {
    expect(missingForSubmit(DEFAULT_RUBRIC, all(4, { R2: na() }), FACTS)).toEqual([]);
  });
});

describe('saved answers in and out', () => {
  const saved = [
    { value: 1, notApplicable: false, comment: 'sin siguiente paso', evidenceSeconds: 70, criterion: { code: 'R3' } },
    { value: null, notApplicable: true, comment: null, evidenceSeconds: null, criterion: { code: 'R2' } },
  ];

  it('reads the API answers into the form', () => {
    expect(fromSavedAnswers(saved)).toEqual({
      R3: { value: 1, na: false, comment: 'sin siguiente paso', evidence: 70 },
      R2: { value: null, na: true, comment: '', evidence: null },
    });
  });

  it('writes them back as AnswerInput (unanswered values are omitted, blank comments are null)', () => {
    const answers: AnswerStates = { ...fromSavedAnswers(saved), R4: { ...EMPTY_ANSWER, evidence: 12 } };
    expect(toAnswerInputs(answers)).toEqual([
      { code: 'R3', value: 1, comment: 'sin siguiente paso', evidenceSeconds: 70 },
      { code: 'R2', value: null, comment: null, evidenceSeconds: null },
      { code: 'R4', value: undefined, comment: null, evidenceSeconds: 12 },
    ]);
  });
});

describe('parseSeconds', () => {
  it('reads whole, non-negative seconds; empty is none', () => {
    expect(parseSeconds('')).toBeNull();
    expect(parseSeconds('75')).toBe(75);
    expect(parseSeconds('75.9')).toBe(75);
    expect(parseSeconds('-3')).toBe(0);
  });
});
