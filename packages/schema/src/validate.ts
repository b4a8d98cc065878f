import AjvImport, { type ErrorObject } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { ResponsePayload } from './payload.js';
import { rankingProblems } from './ranking-rules.js';
import { fruitTreeProblems } from './fruit-tree-rules.js';

// Both ship CommonJS; under NodeNext their default exports arrive wrapped.
const Ajv = AjvImport as unknown as typeof AjvImport.default;
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

/** One problem with a payload, for machines (`path`, `keyword`) and people (`message`). */
export interface ValidationProblem {
  path: string;
  keyword: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; problems: ValidationProblem[] };

function describe(error: ErrorObject): ValidationProblem {
  const path = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  let message: string;
  switch (error.keyword) {
    case 'additionalProperties':
      message = `unknown field "${String(params.additionalProperty)}" is not allowed`;
      break;
    case 'enum':
      message = `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'const':
      message = `must be ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'anyOf':
      // The only anyOf in the schema: a contact needs one way to reach the person.
      message = 'needs an "email" or a "phone"';
      break;
    case 'required':
      message = `missing required field "${String(params.missingProperty)}"`;
      break;
    default:
      // Stryker disable next-line StringLiteral: Ajv gives every error a message unless told not to.
      message = error.message ?? 'is not valid';
  }
  return { path, keyword: error.keyword, message: `${path} ${message}` };
}

/**
 * Compiles the response schema once. The widget discriminates the union, so errors are
 * reported against the matching member only instead of every alternative.
 */
export function createResponseValidator() {
  // strictRequired would refuse the contact's anyOf, whose branches name properties defined beside them.
  const ajv = new Ajv({
    allErrors: true,
    // Stryker disable next-line BooleanLiteral: strict mode only refuses a faulty schema as it compiles, and ours compiles either way.
    strict: true,
    strictRequired: false,
    discriminator: true,
  });
  addFormats(ajv, ['uuid', 'date-time', 'email']);
  const check = ajv.compile<ResponsePayload>(ResponsePayload);

  return (input: unknown): ValidationResult<ResponsePayload> => {
    if (check(input)) {
      const problems =
        input.widget === 'priority-ranking'
          ? rankingProblems(input.answer)
          : input.widget === 'fruit-tree'
            ? fruitTreeProblems(input)
            : [];
      return problems.length === 0 ? { ok: true, value: input } : { ok: false, problems };
    }
    // The alternatives of an anyOf are summed up by the anyOf's own problem.
    // Stryker disable next-line ArrayDeclaration: Ajv sets errors whenever the check fails.
    const problems = (check.errors ?? []).filter((error) => !error.schemaPath.includes('/anyOf/')).map(describe);
    // Deduplicate: union members can report the same problem twice.
    const seen = new Set<string>();
    const unique = problems.filter((problem) => !seen.has(problem.message) && seen.add(problem.message));
    return { ok: false, problems: unique };
  };
}
