import { large, FIXTURE_EPOCH } from '@dpm/domain/fixtures/scenarios';
import { buildReport } from '@dpm/domain/reporting/reports';
import { rowsWhere } from '@dpm/domain/command';
const e = large();
rowsWhere(e, 'recoveryPoints', 'replicaId', 'x');
const { Session } = await import('node:inspector/promises');
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 200 }); await s.post('Profiler.start');
for (const id of ['status', 'protection', 'disk-utilization'] as const) {
  const t = performance.now();
  buildReport(e, id, { now: FIXTURE_EPOCH, serverId: null, period: 'Month', groupBy: 'Protection group' });
  console.log(id, (performance.now() - t).toFixed(0));
}
const { profile } = await s.post('Profiler.stop');
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples?.forEach((id, i) => { const n = byId.get(id); if (!n) return; const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-1)[0]}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000); });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
