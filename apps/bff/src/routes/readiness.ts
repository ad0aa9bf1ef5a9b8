import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type Db } from '@dpm/db/client';
import {
  insertReadinessRun,
  latestReadinessRun,
  listReadinessRuns,
  readinessGoalHours,
  readinessRunById,
  setReadinessGoalHours,
} from '@dpm/db/reporting-repository';
import { DEFAULT_DPMDB_GOAL_HOURS, readinessCheck, readinessDocument } from '@dpm/domain/reporting/readiness';
import { runReadinessCheckOperation } from '@dpm/domain/reporting/apply-readiness-alerts';
import type { AppDeps, AppEnv } from '../deps';
import { declared, refusals, router, run } from './route-kit';
import { renderFile } from '../reporting/service';
import { Format, TAG, auditedChange, file, json, notFound, ok, sendFile } from './reporting-kit';

const ReadinessResult = z.enum(['Passed', 'Warning', 'Failed']);
const ReadinessCheck = z.object({
  serverId: z.string(),
  server: z.string(),
  check: z.string(),
  result: ReadinessResult,
  code: z.string(),
  message: z.string(),
  fix: z.object({ serverId: z.string(), path: z.string(), control: z.string() }).nullable(),
});
const ReadinessReport = z
  .object({
    at: z.number(),
    dpmdbGoalHours: z.number(),
    result: ReadinessResult,
    counts: z.object({ Passed: z.number(), Warning: z.number(), Failed: z.number() }),
    servers: z.array(
      z.object({ serverId: z.string(), server: z.string(), result: ReadinessResult, checks: z.array(ReadinessCheck) }),
    ),
  })
  .openapi('ReadinessReport');
const RunSummary = z
  .object({
    id: z.number(),
    at: z.number(),
    wallAt: z.number(),
    actor: z.string(),
    result: ReadinessResult,
    passed: z.number(),
    warnings: z.number(),
    failed: z.number(),
    goalHours: z.number(),
  })
  .openapi('ReadinessRun');
const Run = RunSummary.extend({ report: ReadinessReport }).openapi('ReadinessRunWithChecks');
const RunParams = z.object({
  runId: z
    .string()
    .max(20)
    .openapi({ param: { name: 'runId', in: 'path' }, example: '1', description: 'A run number' }),
});
const GoalBody = z
  .object({
    dpmdbGoalHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 90),
  })
  .strict();

const administer = { kind: 'role', role: 'Administrator' } as const;
const readiness = createRoute({
  method: 'get',
  path: '/readiness',
  tags: [TAG],
  summary: 'Readiness check: the latest run and the goal',
  responses: {
    200: ok(
      'The latest run (null before the first) and the settings',
      z.object({ latest: Run.nullable(), dpmdbGoalHours: z.number() }),
    ),
  },
});
const runs = createRoute({
  method: 'get',
  path: '/readiness/runs',
  tags: [TAG],
  request: {
    query: z
      .object({
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      })
      .strict(),
  },
  responses: {
    200: ok(
      'Readiness history, newest first',
      z.object({ items: z.array(RunSummary), nextBefore: z.number().nullable() }),
    ),
    400: refusals[400],
  },
});
const runView = createRoute({
  method: 'get',
  path: '/readiness/runs/{runId}',
  tags: [TAG],
  request: { params: RunParams },
  responses: { 200: ok('A run with its checks', Run), 404: refusals[404] },
});
const runExport = createRoute({
  method: 'get',
  path: '/readiness/runs/{runId}/export',
  tags: [TAG],
  request: { params: RunParams, query: z.object({ format: Format }).strict() },
  responses: { 200: file, 404: refusals[404] },
});
const runCheck = declared(
  createRoute({
    method: 'post',
    path: '/readiness/run',
    tags: [TAG],
    summary: 'Run readiness check: recorded with its date, its failures raise an alert per DPM server',
    request: { body: json(z.object({}).strict()) },
    responses: { 200: ok('The run', Run), 403: refusals[403] },
  }),
  { kind: 'role', role: runReadinessCheckOperation.role, operation: runReadinessCheckOperation.id },
);
const setGoal = declared(
  createRoute({
    method: 'post',
    path: '/readiness/settings',
    tags: [TAG],
    summary: 'The goal for the age of the newest copy of each DPM database',
    request: { body: json(GoalBody) },
    responses: { 200: ok('The settings', GoalBody), 400: refusals[400], 403: refusals[403] },
  }),
  administer,
);

/** Reporting › Readiness: the readiness check, its history and its goal. */
export function readinessRoutes(d: AppDeps) {
  const change = (c: Context<AppEnv>, action: string, target: string, detail: string, apply: (tx: Db) => void) =>
    auditedChange(d, c, action, target, detail, apply);
  const runOr404 = (runId: string) => {
    const found = /^[1-9]\d{0,14}$/.test(runId) ? readinessRunById(d.db, Number(runId)) : undefined;
    if (!found) throw notFound('readiness check run', runId);
    return found;
  };
  const goal = () => readinessGoalHours(d.db) ?? DEFAULT_DPMDB_GOAL_HOURS;

  return router()
    .openapi(readiness, (c) => c.json({ latest: latestReadinessRun(d.db) ?? null, dpmdbGoalHours: goal() }, 200))
    .openapi(runs, (c) => {
      const { before, limit } = c.req.valid('query');
      const items = listReadinessRuns(d.db, limit + 1, before);
      const page = items.slice(0, limit);
      return c.json({ items: page, nextBefore: items.length > limit ? (page.at(-1)?.id ?? null) : null }, 200);
    })
    .openapi(runView, (c) => {
      const found = runOr404(c.req.valid('param').runId);
      return c.json(found, 200);
    })
    .openapi(runExport, async (c) => {
      const found = runOr404(c.req.valid('param').runId);
      return sendFile(
        c,
        await renderFile(readinessDocument(found.report), c.req.valid('query').format === 'csv' ? 'CSV' : 'PDF'),
      );
    })
    .openapi(runCheck, (c) => {
      const report = readinessCheck(d.store.estate, { now: d.store.now, dpmdbGoalHours: goal() });
      const row = {
        at: report.at,
        wallAt: Date.now(),
        actor: c.get('actor'),
        result: report.result,
        passed: report.counts.Passed,
        warnings: report.counts.Warning,
        failed: report.counts.Failed,
        goalHours: report.dpmdbGoalHours,
        report,
      };
      let id = 0;
      // The run is recorded in the transaction that raises and resolves its alerts.
      run(
        d,
        c,
        runReadinessCheckOperation,
        { report },
        {
          target: 'estate',
          alongside: (tx) => {
            id = insertReadinessRun(tx, row);
          },
        },
      );
      return c.json({ id, ...row }, 200);
    })
    .openapi(setGoal, (c) => {
      const { dpmdbGoalHours } = c.req.valid('json');
      change(
        c,
        'readiness.settings',
        'readiness',
        `Goal for the newest copy of each DPM database: ${dpmdbGoalHours} hours.`,
        (tx) => setReadinessGoalHours(tx, dpmdbGoalHours),
      );
      return c.json({ dpmdbGoalHours }, 200);
    });
}
