/**
 * The plan form's rules, as plain functions, for a new plan and for editing one: what the server
 * will refuse is said next to the field before sending, and the server's own answer is put next
 * to the field it names.
 */

const PLAN_FIELDS = ['agentId', 'focusCodes', 'methods', 'targetFocusScore', 'startDate', 'dueDate', 'notes'] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanErrors = Partial<Record<PlanField, string>>;

/** What a plan aims at, as the form holds it: the part a coach may change once the plan exists. */
export interface PlanGoalDraft {
  focusCodes: readonly string[];
  methods: readonly string[];
  /** As typed. */
  target: string;
  /** Fixed once the plan exists; the due date must come after it. */
  startDate: string;
  dueDate: string;
}

export interface PlanDraft extends PlanGoalDraft {
  agentId: string;
}

/** Error text keys per field of the goal; empty when it may be sent. */
export function validateGoal(draft: PlanGoalDraft): PlanErrors {
  const errors: PlanErrors = {};
  if (draft.focusCodes.length < 1 || draft.focusCodes.length > 3) errors.focusCodes = 'coaching.error.focus';
  if (!draft.methods.length) errors.methods = 'coaching.error.methods';
  if (parseTarget(draft.target) === null) errors.targetFocusScore = 'coaching.error.target';
  if (!isDay(draft.dueDate) || (isDay(draft.startDate) && draft.dueDate <= draft.startDate))
    errors.dueDate = 'coaching.error.due';
  return errors;
}

/** Error text keys per field of a new plan; empty when the draft may be sent. */
export function validatePlan(draft: PlanDraft): PlanErrors {
  const errors: PlanErrors = validateGoal(draft);
  if (!draft.agentId) errors.agentId = 'coaching.error.agent';
  if (!isDay(draft.startDate)) errors.startDate = 'coaching.error.start';
  return errors;
}

/** Criterion codes in the rubric's order, whatever order they were ticked in (unknown ones last). */
export function inRubricOrder(codes: readonly string[], order: readonly string[]): string[] {
  const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  return [...codes].sort((a, b) => rank(a) - rank(b));
}

/** A plan's goal as the API returns it. */
export interface PlanGoal<M extends string = string> {
  focusCodes: readonly string[];
  methods: readonly M[];
  targetFocusScore: number;
  dueDate: string;
  notes?: string | null;
}

/** The fields of `updateCoachingPlan`'s input. */
export interface PlanEdit<M extends string = string> {
  focusCodes?: string[];
  methods?: M[];
  targetFocusScore?: number;
  dueDate?: string;
  notes?: string | null;
}

/**
 * Only what the form changed in the plan, for `updateCoachingPlan` (so an edit never rewrites a
 * field the coach did not touch). Focus rules and methods compare as sets; notes are trimmed and
 * empty ones cleared. Call it with a draft `validateGoal` accepted.
 */
export function planChanges<M extends string>(
  plan: PlanGoal<M>,
  draft: Omit<PlanGoalDraft, 'methods' | 'startDate'> & { methods: readonly M[]; notes: string },
  rubricOrder: readonly string[],
): PlanEdit<M> {
  const changes: PlanEdit<M> = {};
  if (!sameSet(plan.focusCodes, draft.focusCodes)) changes.focusCodes = inRubricOrder(draft.focusCodes, rubricOrder);
  if (!sameSet(plan.methods, draft.methods)) changes.methods = [...draft.methods];
  const target = parseTarget(draft.target);
  if (target !== null && target !== plan.targetFocusScore) changes.targetFocusScore = target;
  if (draft.dueDate !== plan.dueDate) changes.dueDate = draft.dueDate;
  const notes = draft.notes.trim() || null;
  if (notes !== (plan.notes ?? null)) changes.notes = notes;
  return changes;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** The goal as a number 0–100 (a comma as decimal separator is fine); null when it is not one. */
export function parseTarget(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 0 && value <= 100 ? value : null;
}

const isDay = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** `yyyy-mm-dd` plus some days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The form field an API error names (`input.focusCodes[1]` → `focusCodes`), or null. */
export function fieldOf(apiField: string | undefined): PlanField | null {
  const name = apiField?.replace(/^input\./, '').replace(/\[\d+\].*$/, '');
  return name && (PLAN_FIELDS as readonly string[]).includes(name) ? (name as PlanField) : null;
}
