// The collector's admin export, streamed: its size and time, the ids it holds, and how much
// memory the collector takes while it runs.
import { readFileSync } from 'node:fs';

/** Streams an admin export, handing each complete line to `onLine`; returns bytes and seconds. */
export async function streamExport(url, format, adminToken, onLine = () => undefined) {
  const started = performance.now();
  const response = await fetch(`${url}/v1/responses?format=${format}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  let rest = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    const text = rest + decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onLine(text.slice(start, end));
      lines++;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') {
    onLine(rest);
    lines++;
  }
  return { bytes, lines, seconds: (performance.now() - started) / 1000 };
}

/** Every id the collector's export holds. */
export async function collectorIds(url, adminToken) {
  const ids = new Set();
  await streamExport(url, 'ndjson', adminToken, (line) => ids.add(JSON.parse(line).id));
  return ids;
}

/** The resident memory of process `pid`, in KiB. */
function rssKiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
}

/** Exports in each format from a running collector, sampling its RSS every 100 ms. */
export async function measureExport(label, server, rows, adminToken) {
  const results = [];
  for (const format of ['ndjson', 'csv']) {
    const pid = server.child.pid;
    const before = rssKiB(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssKiB(pid));
    }, 100);
    let exported;
    try {
      exported = await streamExport(server.url, format, adminToken);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssKiB(pid));
    const exportedRows = format === 'csv' ? exported.lines - 1 : exported.lines;
    results.push({ label: `${label}, ${format}`, rows: exportedRows, expected: rows, before, peak, ...exported });
  }
  return results;
}
