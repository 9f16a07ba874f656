export * from './table.js';
export * from './rules.js';
export * from './screens.js';
export * from './markdown.js';
