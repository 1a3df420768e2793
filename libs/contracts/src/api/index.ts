// REST response types of the control center API, and (re-exported here so the package index
// needs one line) the domain events the bridge publishes.
export * from './bridge';
export * from './positions';
export * from './status';
export * from '../domain-events';
