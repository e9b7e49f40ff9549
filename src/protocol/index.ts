export * from './hook';
export * from './limits';
export * from './model';
export * from './runtime';
export * from './snapshot';
export * from './network';
export * from './tokens';
export * from './findings';
