import { SYNC_FREQUENCIES } from '@dpm/domain/protection/goals';

/** The wizard's times and numbers as typed, and as DPM words them. */
/** The synchronization frequencies DPM offers: the domain's list (SYNC_FREQUENCIES), each as DPM words it. */
export const SYNC_CHOICES: { minutes: number; label: string }[] = SYNC_FREQUENCIES.map((minutes) => ({
  minutes,
  label: minutes < 60 ? `Every ${minutes} minutes` : `Every ${minutes / 60} hour${minutes === 60 ? '' : 's'}`,
}));

export function syncLabel(minutes: number): string {
  return minutes === 0
    ? 'Just before a recovery point'
    : (SYNC_CHOICES.find((c) => c.minutes === minutes)?.label ?? `Every ${minutes} minutes`);
}

export function formatTimes(minutes: number[]): string {
  return minutes.map(formatTimeOfDay).join(', ');
}

export function formatTimeOfDay(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "08:00, 20:00" → [480, 1200]; null when an entry is not a time of day. */
export function parseTimes(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: number[] = [];
  for (const p of parts) {
    const t = parseTimeOfDay(p);
    if (t === null) return null;
    out.push(t);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

export function toUtcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

export function fromUtcInput(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}:00Z`);
  return Number.isNaN(ms) ? null : ms;
}
