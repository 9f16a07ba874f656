/**
 * The new-plan form's rules, as plain functions: what the server will refuse is said next to
 * the field before sending, and the server's own answer is put next to the field it names.
 */

export type PlanField = 'agentId' | 'focusCodes' | 'methods' | 'targetFocusScore' | 'startDate' | 'dueDate' | 'notes';

export interface PlanDraft {
  agentId: string;
  focusCodes: readonly string[];
  methods: readonly string[];
  /** As typed. */
  target: string;
  startDate: string;
  dueDate: string;
}

/** Error text keys per field; empty when the draft may be sent. */
export function validatePlan(draft: PlanDraft): Partial<Record<PlanField, string>> {
  const errors: Partial<Record<PlanField, string>> = {};
  if (!draft.agentId) errors.agentId = 'coaching.error.agent';
  if (draft.focusCodes.length < 1 || draft.focusCodes.length > 3) errors.focusCodes = 'coaching.error.focus';
  if (!draft.methods.length) errors.methods = 'coaching.error.methods';
  const target = parseTarget(draft.target);
  if (target === null) errors.targetFocusScore = 'coaching.error.target';
  if (!isDay(draft.startDate)) errors.startDate = 'coaching.error.start';
  if (!isDay(draft.dueDate) || (isDay(draft.startDate) && draft.dueDate <= draft.startDate))
    errors.dueDate = 'coaching.error.due';
  return errors;
}

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
  const fields: readonly string[] = ['agentId', 'focusCodes', 'methods', 'targetFocusScore', 'startDate', 'dueDate', 'notes'];
  return name && fields.includes(name) ? (name as PlanField) : null;
}
