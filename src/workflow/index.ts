export * from './states.js';
export * from './polling-policy.js';
