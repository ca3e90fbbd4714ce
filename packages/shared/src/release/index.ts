// Pre-traffic release checks. Imported as `@retail/shared/release`, apart
// from the main entry, so that only the hook's bundle carries the
// CodeDeploy and Lambda clients.
export * from './checks';
export * from './in-process';
export * from './pre-traffic-hook';
