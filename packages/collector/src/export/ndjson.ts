/** One JSON object per line; `answer` stays an object, `stage` and `amends` are null when absent. */
export async function* ndjsonLines(items: AsyncIterable<object>): AsyncGenerator<string> {
  for await (const item of items) yield `${JSON.stringify(item)}\n`;
}
