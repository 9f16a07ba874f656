import { arrangePlans, disputeOpen, lowAnswers, scaleKey, sessionsInOrder, sessionsToAcknowledge } from './feedback-view';

const answer = (code: string, value: number | null, notApplicable = false) => ({ code, value, notApplicable });
const plan = (id: string, status: string, dueDate: string, acknowledged: Array<boolean> = []) => ({
  id,
  status,
  dueDate,
  sessions: acknowledged.map((ack, i) => ({ date: `2025-01-0${i + 1}`, acknowledgedAt: ack ? '2025-01-10T10:00:00Z' : null })),
});

describe('the agent feedback page, without Angular', () => {
  it('points to improve are the answers of 0 and 1, never N/A or unanswered', () => {
    const answers = [
      answer('R1', 0),
      answer('R2', null, true),
      answer('R3', 1),
      answer('R4', 2),
      answer('R5', null),
      answer('R6', 4),
    ];
    expect(lowAnswers(answers).map((a) => a.code)).toEqual(['R1', 'R3']);
  });

  it('labels an answer with its step of the scale, N/A with "not applicable", and nothing when unanswered', () => {
    expect(scaleKey(answer('R1', 0))).toBe('scale.0');
    expect(scaleKey(answer('R1', 4))).toBe('scale.4');
    expect(scaleKey(answer('R2', null, true))).toBe('scale.na');
    expect(scaleKey(answer('R3', null))).toBeNull();
  });

  it('the dispute window is open strictly before its end, and never without one', () => {
    const until = '2025-03-10T12:00:00Z';
    expect(disputeOpen(until, Date.parse('2025-03-10T11:59:59Z'))).toBe(true);
    expect(disputeOpen(until, Date.parse('2025-03-10T12:00:00Z'))).toBe(false);
    expect(disputeOpen(null, 0)).toBe(false);
  });

  it('running plans come first, overdue before active and then by nearest due date; closed ones apart, latest first', () => {
    const { current, closed } = arrangePlans([
      plan('active-late', 'ACTIVE', '2025-06-01'),
      plan('cancelled-old', 'CANCELLED', '2025-01-01'),
      plan('active-soon', 'ACTIVE', '2025-04-01'),
      plan('completed-new', 'COMPLETED', '2025-03-01'),
      plan('overdue', 'OVERDUE', '2025-02-01'),
    ]);
    expect(current.map((p) => p.id)).toEqual(['overdue', 'active-soon', 'active-late']);
    expect(closed.map((p) => p.id)).toEqual(['completed-new', 'cancelled-old']);
  });

  it('does not reorder the list it was given', () => {
    const plans = [plan('b', 'ACTIVE', '2025-06-01'), plan('a', 'ACTIVE', '2025-04-01')];
    arrangePlans(plans);
    expect(plans.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('counts the sessions still to acknowledge and lists sessions in the order they happened', () => {
    expect(sessionsToAcknowledge(plan('p', 'ACTIVE', '2025-06-01', [true, false, false]))).toBe(2);
    expect(sessionsToAcknowledge(plan('p', 'ACTIVE', '2025-06-01', []))).toBe(0);
    const sessions = [
      { date: '2025-02-10', acknowledgedAt: null },
      { date: '2025-01-20', acknowledgedAt: null },
    ];
    expect(sessionsInOrder(sessions).map((s) => s.date)).toEqual(['2025-01-20', '2025-02-10']);
  });
});
