export * from './clients';
export * from './fault-injection';
export * from './lambda-events';
export * from './stand-ins';
export * from './template';
