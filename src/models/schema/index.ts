export * from './core';
export * from './conventions';
export * from './programme';
export * from './lti';
export * from './amendments';
export * from './evaluations';
