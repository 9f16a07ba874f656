import { createHmac } from 'node:crypto';
import { assignmentDueDate, drawOrderKey, isWeekStart, validateSamplingRule } from './sampling.js';

describe('draw order key (docs/rubric.md#draw-order)', () => {
  it('is the lowercase hex HMAC-SHA-256 of `${weekStart}:${id}` keyed by the seed, as node:crypto computes it (tests only: the library itself runs in browsers too)', () => {
    for (const [seed, week, id] of [
      ['s3cret', '2026-11-30', 'c1'],
      ['seed-42', '2027-01-04', '7f0c7c52-0000-4000-8000-000000000001'],
      ['clé ñ', '2026-03-02', 'llamada-ü'],
    ] as const) {
      const expected = createHmac('sha256', Buffer.from(seed, 'utf8')).update(`${week}:${id}`, 'utf8').digest('hex');
      expect(drawOrderKey(seed, week, id)).toBe(expected);
    }
  });

  it('the example of docs/rubric.md#draw-order', () => {
    expect(drawOrderKey('s3cret', '2026-11-30', 'c1')).toBe('460333d445b2ed4ac1875c8a58b6ad777cdfded8817c1ea8db0f9d588682a048');
  });
});

describe('week start and due date (docs/rubric.md#due-date)', () => {
  it('accepts only real Mondays written YYYY-MM-DD', () => {
    expect(isWeekStart('2026-11-30')).toBe(true);
    expect(isWeekStart('2024-12-30')).toBe(true);
    expect(isWeekStart('2026-12-01')).toBe(false); // a Tuesday
    expect(isWeekStart('2026-11-29')).toBe(false); // a Sunday
    expect(isWeekStart('2026-02-30')).toBe(false); // no such date
    expect(isWeekStart('2026-13-07')).toBe(false);
    expect(isWeekStart('2026-1-5')).toBe(false);
    expect(isWeekStart('2026-01-05T00:00:00Z')).toBe(false);
    expect(isWeekStart(' 2026-01-05')).toBe(false);
    expect(isWeekStart('')).toBe(false);
    expect(isWeekStart('2026-01-05')).toBe(true);
  });

  it('is the Sunday of the following week, across month and year ends', () => {
    expect(assignmentDueDate('2026-11-30')).toBe('2026-12-13');
    expect(assignmentDueDate('2026-12-21')).toBe('2027-01-03');
    expect(assignmentDueDate('2024-12-30')).toBe('2025-01-12'); // ISO week 1 of 2025 starts in 2024
    expect(assignmentDueDate('2024-02-19')).toBe('2024-03-03'); // leap February
    expect(assignmentDueDate('2026-02-16')).toBe('2026-03-01');
    expect(assignmentDueDate('2026-03-23')).toBe('2026-04-05'); // across a daylight-saving change: no time zone involved
    for (const week of ['2026-11-30', '2026-12-21', '2024-12-30']) {
      const due = new Date(`${assignmentDueDate(week)}T00:00:00Z`);
      expect(due.getUTCDay()).toBe(0);
      expect((due.getTime() - new Date(`${week}T00:00:00Z`).getTime()) / 86_400_000).toBe(13);
    }
  });

  it('refuses a weekStart that is not a Monday', () => {
    expect(() => assignmentDueDate('2026-12-01')).toThrow(RangeError);
    expect(() => assignmentDueDate('2026-12-01')).toThrow(/weekStart/);
    expect(() => assignmentDueDate('30/11/2026')).toThrow(/weekStart/);
  });
});

describe('rule validation (docs/rubric.md#sampling)', () => {
  const ok = { seed: 's', weekStart: '2026-11-30', callsPerAgent: 5, stratifyByPurpose: false };

  it('accepts a valid rule and the bounds', () => {
    expect(() => validateSamplingRule(ok)).not.toThrow();
    expect(() => validateSamplingRule({ ...ok, callsPerAgent: 1, flaggedShare: 0 })).not.toThrow();
    expect(() => validateSamplingRule({ ...ok, callsPerAgent: 50, flaggedShare: 1 })).not.toThrow();
  });

  it('names the wrong field', () => {
    for (const callsPerAgent of [0, 51, 2.5, Number.NaN]) {
      expect(() => validateSamplingRule({ ...ok, callsPerAgent })).toThrow(/callsPerAgent/);
    }
    for (const flaggedShare of [-0.1, 1.01, Number.NaN]) {
      expect(() => validateSamplingRule({ ...ok, flaggedShare })).toThrow(/flaggedShare/);
    }
    expect(() => validateSamplingRule({ ...ok, weekStart: '2026-12-02' })).toThrow(/weekStart/);
    expect(() => validateSamplingRule({ ...ok, seed: '' })).toThrow(/seed/);
    expect(() => validateSamplingRule({ ...ok, callsPerAgent: 0 })).toThrow(RangeError);
  });
});
