export * from './core';
export * from './conventions';
