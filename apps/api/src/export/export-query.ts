import { validated } from '../common/validation.js';
import { EvaluationFilter } from '../evaluation/dto/evaluation.inputs.js';

const LIST_PARAMS = new Set(['status']);
const DATE_PARAMS = new Set(['from', 'to']);
const NUMBER_PARAMS = new Set(['minScore', 'maxScore']);
const BOOLEAN_PARAMS = new Set(['criticalFailure']);

/**
 * A query-string value in the shape the filter expects: lists comma-separated, dates and numbers
 * parsed, booleans `true`/`false`. What does not parse is passed on as it came, so validation
 * refuses it with the field's own message.
 */
function shaped(name: string, value: string): unknown {
  if (LIST_PARAMS.has(name)) return value.split(',');
  if (DATE_PARAMS.has(name)) return new Date(value);
  if (NUMBER_PARAMS.has(name) && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (BOOLEAN_PARAMS.has(name) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * The evaluations export's query string as an {@link EvaluationFilter}, validated by the same DTO
 * as the `evaluations` query, so both refuse the same input with the same messages (docs/csv.md).
 */
export async function evaluationFilterFromQuery(query: Record<string, unknown>): Promise<EvaluationFilter> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (name === 'lang' || value === undefined || value === '') continue;
    plain[name] = typeof value === 'string' ? shaped(name, value) : value;
  }
  return validated(EvaluationFilter, plain);
}
