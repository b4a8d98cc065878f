const said = new Set<string>();

/**
 * Tells a web team, once per message, what is wrong with a widget's configuration and
 * what to do about it. Never throws: a misconfigured widget must not break the host page.
 */
export function tellAuthor(level: 'error' | 'warn', tag: string, message: string): void {
  const line = `[participate] <${tag}>: ${message}`;
  if (said.has(line)) return;
  said.add(line);
  console[level](line);
}
