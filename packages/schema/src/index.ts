export * from './vocabulary.js';
export * from './payload.js';
export { createResponseValidator, type ValidationProblem, type ValidationResult } from './validate.js';
