export * from './audit';
export * from './auth';
export * from './codes';
export * from './org';
export * from './people';
export * from './qualifications';
