/**
 * Joins small strings into chunks of about `size` characters: one write per row would
 * make a large export spend its time in stream bookkeeping.
 */
export async function* batched(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
