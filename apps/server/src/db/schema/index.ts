export * from './platform';
export * from './org';
export * from './frameworks';
export * from './campaigns';
