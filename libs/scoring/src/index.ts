/**
 * libs/scoring: every number of the product, implemented once from /work/shared/RUBRIC.md and used
 * by both the API and the web app — the default rubric (§1), the answer scale (§2), the evaluation
 * score (§3), agent progress (§4) and coaching results (§5).
 */
export * from './rubric.js';
export * from './decalogo.js';
export * from './scale.js';
export * from './rounding.js';
export * from './score.js';
export * from './special-functions.js';
export * from './student-t.js';
export * from './stats.js';
export * from './weeks.js';
export * from './progress.js';
export * from './coaching.js';
export * from './dispute.js';
export * from './team-comparison.js';
export * from './csv-cell.js';
