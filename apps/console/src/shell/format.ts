/** Simulated times are shown in UTC, as the estate's clock runs in UTC. */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
  );
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function formatGb(gb: number): string {
  return gb >= 1024 ? `${(gb / 1024).toFixed(2)} TB` : `${gb.toFixed(gb < 10 ? 2 : 1)} GB`;
}

/** "10.19.260" and an update rollup into a version; null when it is not one. */
export function parseVersion(text: string, rollup: string) {
  const parts = text.trim().split('.').map(Number);
  const ur = Number(rollup);
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n < 0) || !Number.isInteger(ur) || ur < 0)
    return null;
  const [major = 0, minor = 0, build = 0] = parts;
  return { major, minor, build, rollup: ur };
}
