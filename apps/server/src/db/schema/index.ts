export * from './platform';
export * from './org';
