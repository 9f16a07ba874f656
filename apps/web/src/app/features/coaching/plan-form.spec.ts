import { inRubricOrder, planChanges, validateGoal, validatePlan } from './plan-form';

const ORDER = ['R1', 'R2', 'R3', 'R4', 'R5'];
const plan = {
  focusCodes: ['R3', 'R4'],
  methods: ['ROLE_PLAY', 'CALL_REVIEW'],
  targetFocusScore: 80,
  dueDate: '2025-04-14',
  notes: 'Escucha activa',
};
const unchanged = {
  focusCodes: ['R3', 'R4'],
  methods: ['ROLE_PLAY', 'CALL_REVIEW'],
  target: '80',
  dueDate: '2025-04-14',
  notes: 'Escucha activa',
};

describe('the plan form’s rules', () => {
  it('validateGoal checks the goal a coach may edit against the plan’s fixed start date', () => {
    const goal = { ...unchanged, startDate: '2025-03-03' };
    expect(validateGoal(goal)).toEqual({});
    expect(validateGoal({ ...goal, focusCodes: [], methods: [], target: '100,5', dueDate: '2025-03-03' })).toEqual({
      focusCodes: 'coaching.error.focus',
      methods: 'coaching.error.methods',
      targetFocusScore: 'coaching.error.target',
      dueDate: 'coaching.error.due',
    });
    expect(validateGoal({ ...goal, dueDate: '' })).toEqual({ dueDate: 'coaching.error.due' });
  });

  it('validatePlan adds the agent and the start date of a new plan', () => {
    expect(validatePlan({ ...unchanged, agentId: '', startDate: '' })).toEqual({
      agentId: 'coaching.error.agent',
      startDate: 'coaching.error.start',
    });
  });

  it('planChanges sends nothing when nothing changed (order of ticking and spaces in the notes do not count)', () => {
    expect(planChanges(plan, unchanged, ORDER)).toEqual({});
    expect(
      planChanges(
        plan,
        {
          ...unchanged,
          focusCodes: ['R4', 'R3'],
          methods: ['CALL_REVIEW', 'ROLE_PLAY'],
          target: '80,0',
          notes: ' Escucha activa ',
        },
        ORDER,
      ),
    ).toEqual({});
  });

  it('planChanges sends only the fields that changed, focus rules in rubric order', () => {
    expect(planChanges(plan, { ...unchanged, target: '85,5', dueDate: '2025-05-01' }, ORDER)).toEqual({
      targetFocusScore: 85.5,
      dueDate: '2025-05-01',
    });
    expect(planChanges(plan, { ...unchanged, focusCodes: ['R5', 'R1'], methods: ['WORKSHOP'] }, ORDER)).toEqual({
      focusCodes: ['R1', 'R5'],
      methods: ['WORKSHOP'],
    });
  });

  it('planChanges clears emptied notes and adds notes to a plan that had none', () => {
    expect(planChanges(plan, { ...unchanged, notes: '   ' }, ORDER)).toEqual({ notes: null });
    expect(planChanges({ ...plan, notes: null }, { ...unchanged, notes: 'Nuevas' }, ORDER)).toEqual({ notes: 'Nuevas' });
    expect(planChanges({ ...plan, notes: null }, { ...unchanged, notes: '' }, ORDER)).toEqual({});
  });

  it('inRubricOrder sorts codes as the rubric lists them, codes it does not know last', () => {
    expect(inRubricOrder(['R4', 'R9', 'R1'], ORDER)).toEqual(['R1', 'R4', 'R9']);
  });
});
