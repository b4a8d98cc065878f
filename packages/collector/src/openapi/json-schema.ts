/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), kept as plain data. */
export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** A closed object: every property listed is required unless named in `optional`. */
export function object(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}

export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

export const count: JsonSchema = { type: 'integer', minimum: 0 };

/** An object with one count per word of a fixed list, e.g. one per FFT rating. */
export const countsOf = (words: readonly string[]): JsonSchema =>
  object(Object.fromEntries(words.map((word) => [word, count])));

export const oneOfStrings = (values: readonly string[], description?: string): JsonSchema => ({
  type: 'string',
  enum: [...values],
  ...(description === undefined ? {} : { description }),
});

/**
 * A TypeBox schema as plain JSON: TypeBox marks its schemas with symbol keys, which
 * serialisation drops. The package's `$id` goes too: inside the document the schema is
 * named by its place in components, and an embedded `$id` would make it a resource of its own.
 */
export function fromTypeBox(schema: object): JsonSchema {
  const plain = JSON.parse(JSON.stringify(schema)) as JsonSchema;
  delete plain.$id;
  return plain;
}
