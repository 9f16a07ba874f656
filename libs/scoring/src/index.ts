/**
 * @decalogo/scoring (libs/scoring): every number of the product, implemented once as docs/rubric.md
 * defines it and used by both the API and the web app — the default rubric, the answer scale, the
 * evaluation score, the figures over a window (agent progress, team overviews) and coaching results.
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
export * from './sampling.js';
export * from './sampling-draw.js';
export * from './sample-advice.js';
export * from './agreement.js';
export * from './evaluator-lean.js';
