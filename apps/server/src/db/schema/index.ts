export * from './platform';
export * from './org';
export * from './frameworks';
export * from './campaigns';
export * from './problems';
export * from './inspections';
