// pnpm demo: lists the demos; `pnpm demo <name>` records one, `pnpm demo --all` records them all, into
// demos/out/ (a video, a transcript and the gallery index.html). Each demo is a Playwright test in
// e2e/demos/ that starts its own server on a fresh data folder with its fixture and DPM_CLOCK=manual.
import { readdirSync, readFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildConsole, buildServer, ensureChromium, ensureFfmpeg, installIfStale, log, pnpm, root } from './lib.mjs';

const DEMOS_DIR = resolve(root, 'e2e', 'demos');
const OUT = resolve(root, 'demos', 'out');

/** The demos, read from their files: name, fixture and the one line they are declared with. */
export function listDemos() {
  return readdirSync(DEMOS_DIR)
    .filter((f) => f.endsWith('.demo.ts'))
    .sort()
    .map((file) => {
      const text = readFileSync(resolve(DEMOS_DIR, file), 'utf8');
      // A string literal in either quote, as the demo() call declares it.
      const field = (key) => {
        const m = text.match(new RegExp(`${key}: (['"])((?:(?!\\1)[^\\\\]|\\\\.)*)\\1`));
        return m ? m[2].replace(/\\\\(.)/g, '$1') : '';
      };
      // The fixture it starts on, then any other estate it moves to (d.estate('scenario-3')).
      const seeds = [field('seed'), ...[...text.matchAll(/\.estate\('([\w-]+)'\)/g)].map((m) => m[1])];
      return { file, name: file.replace(/\.demo\.ts$/, ''), seed: seeds.join(', '), summary: field('summary') };
    });
}

const USAGE = `Usage: pnpm demo [<name>… | --all] [--pace fast|normal] [--headed] [--no-video]
  (npm run demo -- <name> does the same with npm alone)
  <name>        record one demo (several names: each of them)
  --all         record every demo
  --pace fast   skip the pauses and cards (as npm test runs them); default: normal, paced for a person watching
  --headed      show the browser live (needs a display)
  --no-video    run and write the transcript, without a video (no ffmpeg needed)
Output: demos/out/<name>.webm, <name>.md (transcript with screenshots), index.html (gallery of every recorded demo).`;

export function runDemos(args) {
  const demos = listDemos();
  const names = [];
  let pace = 'normal';
  let headed = false;
  let video = true;
  let all = false;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    if (a === '--all') all = true;
    else if (a === '--headed') headed = true;
    else if (a === '--no-video') video = false;
    else if (a === '--pace') pace = args[++i] ?? '';
    else if (a.startsWith('--pace=')) pace = a.slice('--pace='.length);
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`Unknown option ${a}\n${USAGE}`);
      return 2;
    } else names.push(a);
  }
  if (pace !== 'fast' && pace !== 'normal') {
    console.error(`--pace is fast or normal, not "${pace}"`);
    return 2;
  }
  if (!all && names.length === 0) {
    console.log('Demos (pnpm demo <name>, or --all):\n');
    const width = Math.max(...demos.map((d) => d.name.length));
    for (const d of demos) console.log(`  ${d.name.padEnd(width)}  [${d.seed}] ${d.summary}`);
    console.log(`\n${USAGE}`);
    return 0;
  }
  const unknown = names.filter((n) => !demos.some((d) => d.name === n));
  if (unknown.length > 0) {
    console.error(`No demo named ${unknown.join(', ')}. The demos: ${demos.map((d) => d.name).join(', ')}`);
    return 2;
  }
  const chosen = all ? demos : demos.filter((d) => names.includes(d.name));

  installIfStale();
  ensureChromium();
  if (video) ensureFfmpeg();
  buildConsole();
  buildServer();
  mkdirSync(OUT, { recursive: true });
  for (const d of chosen) {
    for (const f of [`${d.name}.webm`, `${d.name}.md`, `${d.name}.json`, `${d.name}.vtt`, d.name])
      rmSync(resolve(OUT, f), { recursive: true, force: true });
  }
  log(`Recording ${chosen.map((d) => d.name).join(', ')} at ${pace} pace into ${OUT}`);
  const status = pnpm(
    [
      '--filter',
      '@dpm/e2e',
      'exec',
      'playwright',
      'test',
      '--project=demos',
      '--workers=1',
      ...(headed ? ['--headed'] : []),
      ...chosen.map((d) => `demos/${d.file}`),
    ],
    {
      env: {
        ...process.env,
        DEMO_PACE: pace,
        DEMO_OUT: OUT,
        DEMO_VIDEO: video ? '1' : '0',
        E2E_RESULTS: resolve(root, '.test-results', 'demos.json'),
      },
    },
  );
  for (const d of chosen) {
    const webm = resolve(OUT, `${d.name}.webm`);
    const record = resolve(OUT, `${d.name}.json`);
    const passed = existsSync(record) && JSON.parse(readFileSync(record, 'utf8')).passed === true;
    console.log(
      `${passed ? '✔' : '✖'} ${d.name}: ${video ? (existsSync(webm) ? webm : 'no video') : 'no video (--no-video)'}, ` +
        `${existsSync(record) ? resolve(OUT, `${d.name}.md`) : 'no transcript'}`,
    );
  }
  console.log(`Gallery: ${resolve(OUT, 'index.html')}`);
  return status;
}
