export * from './environment.js';
export * from './snapshot.js';
export * from './order-tracker.js';
export * from './order-controller.js';
export * from './registry.js';
