import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

/** What the side-by-side bench measures with: a free port, autocannon loads, probes, p95, RSS, the table. */

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

export interface Row {
  figure: string;
  value: number;
  floor: number;
  unit: string;
  /** 'ratio ≤ n' (value/floor), 'ratio ≥ n', or an absolute bound on the value. */
  budget: { kind: 'max-ratio' | 'min-ratio' | 'max'; n: number };
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? 0;
};
export const statusKb = (pid: number, key: 'VmRSS' | 'VmHWM') =>
  Number(
    /(\d+) kB/.exec(
      readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith(key)) ?? '',
    )?.[1] ?? 0,
  );

export async function waitFor(url: string, headers: Record<string, string> = {}): Promise<void> {
  for (let i = 0; i < 1200; i += 1) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`${url} never answered`);
}

/** autocannon against one path: requests per second and the p95 of every response time. */
export async function load(
  url: string,
  connections: number,
  headers: Record<string, string>,
): Promise<{ rps: number; p95: number }> {
  const times: number[] = [];
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: SECONDS, headers }, (err, r) =>
      err ? reject(err as Error) : resolve(r),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) times.push(ms);
      else failed += 1;
    });
  });
  if (failed > 0) throw new Error(`${url}: ${failed} answers were not 200`);
  return { rps: result.requests.average, p95: p95(times) };
}

/** Sequential requests until `done`, one at a time: their latencies. */
export async function probe(url: string, headers: Record<string, string>, done: () => boolean): Promise<number[]> {
  const out: number[] = [];
  while (!done()) {
    const s = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    out.push(performance.now() - s);
    await sleep(10);
  }
  return out;
}

const num = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
export function table(rows: Row[]): string {
  const lines = rows.map((r) => {
    const ratio = r.floor > 0 ? r.value / r.floor : Infinity;
    const within =
      r.budget.kind === 'max-ratio'
        ? ratio <= r.budget.n
        : r.budget.kind === 'min-ratio'
          ? ratio >= r.budget.n
          : r.value <= r.budget.n;
    const budget =
      r.budget.kind === 'max-ratio'
        ? `≤ ${r.budget.n}× floor`
        : r.budget.kind === 'min-ratio'
          ? `≥ ${r.budget.n}× floor`
          : `≤ ${r.budget.n} ${r.unit}`;
    return [
      r.figure,
      `${num(r.value)} ${r.unit}`,
      `${num(r.floor)} ${r.unit}`,
      `${ratio.toFixed(2)}×`,
      budget,
      within ? 'yes' : 'NO',
    ];
  });
  const head = ['figure', 'value', 'floor', 'ratio', 'budget', 'within budget'];
  return [head, head.map(() => '---'), ...lines].map((l) => `| ${l.join(' | ')} |`).join('\n');
}
