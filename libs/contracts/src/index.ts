export * from './bot';
export * from './errors';
export * from './health';
export * from './permissions';
export * from './api';
export * from './feed';
export * from './alerts';
