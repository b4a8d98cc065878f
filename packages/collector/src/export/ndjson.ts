import type { StoredResponse } from '../store/store.js';

/** One JSON object per line; `answer` stays an object, `stage` and `amends` are null when absent. */
export async function* ndjsonLines(responses: AsyncIterable<StoredResponse>): AsyncGenerator<string> {
  for await (const response of responses) yield `${JSON.stringify(response)}\n`;
}
