export * from './common';
export * from './identity';
export * from './permissions';
export * from './auth';
export * from './org';
export * from './jobs';
export * from './audit';
export * from './messages';
