import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIn, startServer, test as base, type RunningServer, type Seed } from '../fixtures';
import type { ServerProcess } from '../server';
import { writeGallery, type DemoRecord, type StepRecord } from './transcript';

/**
 * The demo kit. A demo is a Playwright test that walks a procedure of the DPM documents in the
 * console and asserts each state it narrates. `npm test` runs it at fast pace without recording;
 * `pnpm demo <name>` records it (DEMO_OUT): a video with a chapter card for each step, each click
 * annotated, a card whenever the simulated clock moves, and a transcript.
 */

/** `fast`: no pauses and no cards (a test); `normal`: paced for a person watching. */
export const PACE: 'fast' | 'normal' = process.env.DEMO_PACE === 'normal' ? 'normal' : 'fast';
/** Folder the recording goes to (demos/out), or undefined when the demo only runs as a test. */
const OUT = process.env.DEMO_OUT || undefined;
const VIDEO = OUT !== undefined && process.env.DEMO_VIDEO !== '0';
const NARRATE = PACE === 'normal';

const TIMING = { chapter: 3_400, clock: 2_600, note: 2_200, settle: 700, action: 1_000 } as const;

export interface ChapterOptions {
  /** The step's number as the seed numbers it, e.g. "Seed 000 · step 3", or a label of the project's own. */
  step: string;
  /** One or two sentences under the title. */
  description?: string;
}

export class Demo {
  private readonly steps: StepRecord[] = [];
  private readonly started = Date.now();
  private readonly extra: ServerProcess[] = [];
  private shots = 0;

  constructor(
    readonly page: Page,
    /** The server the demo started on (its fixture); `estate()` moves to another. */
    public server: RunningServer,
    private readonly record: DemoRecord,
  ) {}

  get pace(): 'fast' | 'normal' {
    return PACE;
  }

  /** A chapter card: a step of the procedure, numbered as the seed numbers it. */
  async chapter(title: string, options: ChapterOptions): Promise<void> {
    await this.closeStep();
    this.steps.push({
      kind: 'chapter',
      step: options.step,
      title,
      description: options.description ?? '',
      at: Date.now() - this.started,
      states: [],
    });
    if (!NARRATE) return;
    await this.page.screencast.showChapter(`${options.step}: ${title}`, {
      description: options.description,
      duration: TIMING.chapter,
    });
    await this.page.waitForTimeout(TIMING.chapter + 200);
  }

  /** The simulated clock moves: the card says how much time passed and what it brought. */
  async clock(minutes: number, what: string): Promise<void> {
    await this.closeStep();
    await this.server.advance(minutes);
    const title = `${elapsed(minutes)} later: ${what}`;
    this.steps.push({
      kind: 'clock',
      step: 'Simulated clock',
      title,
      description: `The simulated clock moved ${minutes} minutes (DPM_CLOCK=manual).`,
      at: Date.now() - this.started,
      states: [],
    });
    if (!NARRATE) return;
    await this.page.screencast.showChapter(title, {
      description: 'Simulated time on the manual clock',
      duration: TIMING.clock,
    });
    await this.page.waitForTimeout(TIMING.clock + 200);
  }

  /**
   * The state the step reached, as the demo has just asserted it: written to the transcript with
   * a screenshot; on screen, a short caption at the bottom of the page.
   */
  async reached(state: string): Promise<void> {
    const current = this.steps.at(-1);
    if (current) current.states.push(state);
    if (!NARRATE) return;
    await this.page.waitForTimeout(TIMING.settle);
    await this.page.screencast.showOverlay(caption(state), { duration: TIMING.note });
    await this.page.waitForTimeout(TIMING.note);
  }

  /** Moves the demo to a fresh server with another fixture (a demo that spans two estates). */
  async estate(seed: Seed, context = this.page.context()): Promise<RunningServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'dpm-demo-'));
    const next = await startServer(seed, dataDir);
    this.extra.push(next);
    await signIn(context, next);
    this.server = next;
    return next;
  }

  /** An address on the current server (page.goto of a path goes to the first server). */
  url(path: string): string {
    return `${this.server.url}${path}`;
  }

  private async closeStep(): Promise<void> {
    const current = this.steps.at(-1);
    if (!current || OUT === undefined || this.page.isClosed()) return;
    this.shots += 1;
    const file = `${this.record.name}/${String(this.shots).padStart(2, '0')}.png`;
    mkdirSync(join(OUT, this.record.name), { recursive: true });
    await this.page.screenshot({ path: join(OUT, file) });
    current.screenshot = file;
  }

  /** @internal the fixture's teardown */
  async finish(testInfo: TestInfo): Promise<void> {
    try {
      if (OUT !== undefined) {
        await this.closeStep();
        if (VIDEO) await this.page.screencast.stop();
        const passed = testInfo.status === testInfo.expectedStatus;
        writeGallery(OUT, {
          ...this.record,
          steps: this.steps,
          seconds: Math.round((Date.now() - this.started) / 1000),
          passed,
          video: VIDEO ? `${this.record.name}.webm` : null,
          error: passed ? null : (testInfo.error?.message ?? 'failed'),
        });
      }
    } finally {
      for (const s of this.extra) {
        await s.stop();
        rmSync(s.dataDir, { recursive: true, force: true });
      }
    }
  }
}

function elapsed(minutes: number): string {
  if (minutes % (24 * 60) === 0) return minutes === 24 * 60 ? '1 day' : `${minutes / (24 * 60)} days`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  if (minutes > 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function caption(text: string): string {
  return (
    `<div style="position:fixed;left:50%;bottom:28px;transform:translateX(-50%);max-width:70%;padding:10px ` +
    `18px;border-radius:8px;background:rgba(17,24,39,.88);color:#fff;font:500 ` +
    `18px/1.4 'Segoe UI',system-ui,sans-serif;box-shadow:0 4px 16px ` +
    `rgba(0,0,0,.3);text-align:center">✔ ${escape(text)}</div>`
  );
}

/** Declares a demo: its name (the file and the command), the fixture it starts on and one line saying what it shows. */
export function demo(meta: { name: string; seed: Seed; summary: string }, body: (d: Demo) => Promise<void>): void {
  const t = base.extend<{ demoRun: Demo }>({
    demoRun: async ({ page, server }, use, testInfo) => {
      if (OUT !== undefined) mkdirSync(OUT, { recursive: true });
      if (VIDEO && OUT !== undefined)
        await page.screencast.start({
          path: join(OUT, `${meta.name}.webm`),
          size: page.viewportSize() ?? { width: 1400, height: 900 },
        });
      if (NARRATE) {
        await page.screencast.showActions({
          duration: TIMING.action,
          position: 'top-right',
          style: {
            highlight: 'outline: 3px solid #0f6cbd; background: rgba(15, 108, 189, .12); border-radius: 4px',
            title: 'font-size: 15px',
          },
        });
      }
      // The console is on screen before the first chapter card (not a blank page).
      await page.goto('/');
      const d = new Demo(page, server, { name: meta.name, seed: meta.seed, summary: meta.summary });
      try {
        await use(d);
      } finally {
        await d.finish(testInfo);
      }
    },
  });
  t.describe(meta.name, () => {
    t.use({ seed: meta.seed });
    // A demo at watching pace takes minutes; as a test it takes under two.
    t.describe.configure({ timeout: PACE === 'normal' ? 20 * 60_000 : 180_000 });
    t(meta.summary, async ({ demoRun }) => {
      await body(demoRun);
    });
  });
}
