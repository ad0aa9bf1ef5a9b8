import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Seed } from '../server';

/** One card of a demo: a step of the procedure, or the simulated clock moving. */
export interface StepRecord {
  kind: 'chapter' | 'clock';
  step: string;
  title: string;
  description: string;
  /** Milliseconds from the start of the recording. */
  at: number;
  /** The states the demo asserted during the step. */
  states: string[];
  /** The screenshot at the end of the step, relative to the output folder. */
  screenshot?: string;
}

export interface DemoRecord {
  name: string;
  seed: Seed;
  summary: string;
}

export interface DemoResult extends DemoRecord {
  steps: StepRecord[];
  seconds: number;
  passed: boolean;
  video: string | null;
  error: string | null;
}

const html = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function clockTime(ms: number, vtt = false): string {
  const t = Math.max(0, Math.round(ms));
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const s = Math.floor((t % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return vtt ? `${pad(h)}:${pad(m)}:${pad(s)}.${pad(t % 1000, 3)}` : `${h > 0 ? `${h}:` : ''}${pad(m)}:${pad(s)}`;
}

/** The transcript: each step with its caption, its screenshot and the states reached. */
export function transcript(r: DemoResult): string {
  const lines = [
    `# Demo: ${r.name}`,
    '',
    r.summary,
    '',
    `Fixture \`${r.seed}\`, simulated clock held still (DPM_CLOCK=manual); ` +
      `${r.seconds} s; ` +
      `${r.passed ? 'every step passed' : `**failed**: ${r.error ?? ''}`}.`,
    '',
  ];
  if (r.video) lines.push(`Video: [${r.video}](${r.video})`, '');
  for (const s of r.steps) {
    lines.push(
      `## ${s.kind === 'clock' ? '⏱ ' : ''}${s.step}: ${s.title}`,
      '',
      `*${clockTime(s.at)} into the video.*${s.description ? ` ${s.description}` : ''}`,
      '',
    );
    if (s.screenshot) lines.push(`![${s.title}](${s.screenshot})`, '');
    if (s.states.length > 0) lines.push('State reached:', '', ...s.states.map((st) => `- ${st}`), '');
  }
  return lines.join('\n');
}

/** WebVTT chapters of the video, for the gallery's player. */
export function chapters(r: DemoResult): string {
  const cues = r.steps.map((s, i) => {
    const end = r.steps[i + 1]?.at ?? r.seconds * 1000;
    return (
      `${i + 1}\n${clockTime(s.at, true)} --> ` +
      `${clockTime(Math.max(end, s.at + 1000), true)}\n${s.step}: ` +
      `${s.title}\n`
    );
  });
  return ['WEBVTT', '', ...cues].join('\n');
}

/** Writes the demo's transcript, chapters and record, then the gallery of every demo recorded in `out`. */
export function writeGallery(out: string, r: DemoResult): void {
  writeFileSync(join(out, `${r.name}.md`), transcript(r));
  writeFileSync(join(out, `${r.name}.vtt`), chapters(r));
  writeFileSync(join(out, `${r.name}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const all = readdirSync(out)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as DemoResult)
    .filter((d) => Array.isArray(d.steps))
    .sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(join(out, 'index.html'), gallery(all, out));
}

function gallery(all: DemoResult[], out: string): string {
  const sections = all.map((d) => {
    const list = d.steps
      .map(
        (s) =>
          `<li><button type="button" ` +
          `data-at="${(s.at / 1000).toFixed(2)}">${clockTime(s.at)}</button> ` +
          `<span class="${s.kind}">${html(s.step)}: ${html(s.title)}</span></li>`,
      )
      .join('\n');
    const player =
      d.video && existsSync(join(out, d.video))
        ? `<video controls preload="metadata" src="${html(d.video)}"><track ` +
          `kind="chapters" src="${html(d.name)}.vtt" default></video>`
        : '<p class="missing">No video was recorded for this demo.</p>';
    return `<section id="${html(d.name)}">
<h2>${html(d.name)} <small>${d.passed ? 'passed' : 'FAILED'} · fixture ${html(d.seed)} · ${d.seconds} s</small></h2>
<p>${html(d.summary)} <a href="${html(d.name)}.md">Transcript</a></p>
<div class="demo">${player}<ol class="chapters">${list}</ol></div>
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>DPM web console: demos</title>
<style>
body { font: 15px/1.45 'Segoe UI', system-ui, sans-serif; margin: 24px \
auto; max-width: 1500px; padding: 0 16px; color: #1b1b1b; }
h1 { font-size: 24px; } h2 { font-size: 19px; margin-bottom: 4px; } small { color: #555; font-weight: normal; }
.demo { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1fr); gap: 16px; align-items: start; }
video { width: 100%; background: #000; border-radius: 6px; }
.chapters { margin: 0; padding-left: 20px; max-height: 560px; overflow: auto; }
.chapters li { margin: 2px 0; } .chapters button { font: inherit; \
font-variant-numeric: tabular-nums; cursor: pointer; border: 1px solid \
#bbb; background: #f5f5f5; border-radius: 4px; }
.clock { color: #7a4b00; } nav a { margin-right: 12px; } .missing { color: #a00; }
</style>
</head>
<body>
<h1>DPM web console: demos</h1>
<p>Each demo drives the real console in a browser through a procedure \
of the DPM documents, and is a test of it too. Click a chapter to jump \
to it.</p>
<nav>${all.map((d) => `<a href="#${html(d.name)}">${html(d.name)}</a>`).join('')}</nav>
${sections.join('\n')}
<script>
for (const b of document.querySelectorAll('button[data-at]')) {
  b.addEventListener('click', () => { const v = \
b.closest('.demo').querySelector('video'); if (v) { v.currentTime = \
Number(b.dataset.at); v.play(); } });
}
</script>
</body>
</html>
`;
}
