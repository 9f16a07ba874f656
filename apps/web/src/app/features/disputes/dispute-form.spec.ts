import { DEFAULT_RUBRIC } from '@decalogo/scoring';
import { EMPTY_ANSWER } from '../../shared/scoring-form/scoring-form';
import type { AnswerState } from '../../shared/scoring-form/scoring-form';
import { amendedAnswers, evidenceTurns, resolutionBlockers, toResolveInput, whyNotResolvable } from './dispute-form';
import type { ResolutionDraft } from './dispute-form';

const answer = (value: number | null, comment = ''): AnswerState => ({ ...EMPTY_ANSWER, value, comment });
const SAVED: Record<string, AnswerState> = Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.code, answer(2)]));
SAVED['R3'] = answer(1, 'min 01:10: no da siguiente paso');
const CONTESTED = ['R3'];
const draft = (change: Partial<ResolutionDraft>): ResolutionDraft => ({
  decision: null,
  amendments: { R3: SAVED['R3']! },
  comment: '',
  ...change,
});

describe('whyNotResolvable', () => {
  const evaluation = { evaluator: { id: 'ev1' }, agent: { id: 'ag1' } };

  it('refuses the author and the agent of the call, and lets anyone else resolve', () => {
    expect(whyNotResolvable(evaluation, 'ev1')).toBe('AUTHOR');
    expect(whyNotResolvable(evaluation, 'ag1')).toBe('OWN_CALL');
    expect(whyNotResolvable(evaluation, 'ev2')).toBeNull();
  });
});

describe('resolutionBlockers', () => {
  it('needs a decision and a comment', () => {
    expect(resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({}))).toEqual([{ kind: 'decision' }, { kind: 'comment' }]);
    expect(resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'UPHOLD', comment: '  ' }))).toEqual([
      { kind: 'comment' },
    ]);
    expect(resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'UPHOLD', comment: 'Se mantiene.' }))).toEqual(
      [],
    );
  });

  it('on AMEND, needs at least one contested answer changed', () => {
    expect(resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'AMEND', comment: 'ok' }))).toEqual([
      { kind: 'unchanged' },
    ]);
    const amendments = { R3: answer(3, SAVED['R3']!.comment) };
    expect(resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'AMEND', amendments, comment: 'ok' }))).toEqual(
      [],
    );
  });

  it('on AMEND, applies the submission rules to the contested rules: a comment on 0 or 1, N/A only where allowed', () => {
    const zero = { R3: answer(0) };
    expect(
      resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'AMEND', amendments: zero, comment: 'ok' })),
    ).toEqual([{ kind: 'ruleComment', code: 'R3' }]);
    const na = { R3: { ...EMPTY_ANSWER, na: true } };
    expect(
      resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'AMEND', amendments: na, comment: 'ok' })),
    ).toEqual([{ kind: 'na', code: 'R3' }]);
    const unanswered = { R3: EMPTY_ANSWER };
    expect(
      resolutionBlockers(DEFAULT_RUBRIC, SAVED, CONTESTED, draft({ decision: 'AMEND', amendments: unanswered, comment: 'ok' })),
    ).toEqual([{ kind: 'answer', code: 'R3' }]);
  });

  it('ignores problems of rules nobody contested', () => {
    const saved = { ...SAVED, R1: answer(0) }; // an old answer without comment is not this decision's business
    const amendments = { R3: answer(4) };
    expect(resolutionBlockers(DEFAULT_RUBRIC, saved, CONTESTED, draft({ decision: 'AMEND', amendments, comment: 'ok' }))).toEqual(
      [],
    );
  });
});

describe('amendedAnswers and toResolveInput', () => {
  it('replaces only the contested answers', () => {
    const merged = amendedAnswers(SAVED, { R3: answer(3) });
    expect(merged['R3']!.value).toBe(3);
    expect(merged['R1']).toBe(SAVED['R1']);
  });

  it('sends no answers to UPHOLD and the contested ones to AMEND, comments trimmed', () => {
    expect(toResolveInput(CONTESTED, { ...draft({}), decision: 'UPHOLD', comment: ' Se mantiene. ' })).toEqual({
      decision: 'UPHOLD',
      comment: 'Se mantiene.',
    });
    const amendments = { R3: answer(3, '  '), R2: { ...EMPTY_ANSWER, na: true } };
    expect(toResolveInput(['R2', 'R3'], { decision: 'AMEND', amendments, comment: 'Corregida' })).toEqual({
      decision: 'AMEND',
      answers: [
        { code: 'R2', value: null, comment: null },
        { code: 'R3', value: 3, comment: null },
      ],
      comment: 'Corregida',
    });
  });
});

describe('evidenceTurns', () => {
  const transcript = [
    { offsetSeconds: 1 },
    { offsetSeconds: 5 },
    { offsetSeconds: null },
    { offsetSeconds: 40 },
    { offsetSeconds: 70 },
  ];

  it('picks the turn being spoken at each evidence time', () => {
    expect([...evidenceTurns(transcript, [5])]).toEqual([1]);
    expect([...evidenceTurns(transcript, [39])]).toEqual([1]);
    expect([...evidenceTurns(transcript, [70, 300])]).toEqual([4]);
    expect([...evidenceTurns(transcript, [0, 41])].sort()).toEqual([0, 3]);
  });

  it('picks nothing without timed turns', () => {
    expect(evidenceTurns([{ offsetSeconds: null }], [10]).size).toBe(0);
    expect(evidenceTurns([], [10]).size).toBe(0);
  });
});
