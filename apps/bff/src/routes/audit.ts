import { createRoute, z } from '@hono/zod-openapi';
import { listAudit, type AuditRow } from '@dpm/db/audit-repository';
import type { AppDeps } from '../deps';
import { declared, router } from './route-kit';

/** The audit trail is for Operators and Administrators. */
const OPERATORS = { kind: 'role', role: 'Operator' } as const;

const TAG = 'Audit';
const Entry = z
  .object({
    id: z.number(),
    at: z.number(),
    simulatedAt: z.number(),
    actor: z.string(),
    action: z.string(),
    target: z.string(),
    outcome: z.enum(['success', 'refused', 'error']),
    code: z.string().nullable(),
    address: z.string().nullable(),
    detail: z.string(),
  })
  .openapi('AuditEntry');
const Query = z
  .object({
    actor: z.string().max(64).optional(),
    outcome: z.enum(['success', 'refused', 'error']).optional(),
    search: z.string().max(200).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const list = declared(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: [TAG],
    request: { query: Query },
    responses: {
      200: {
        description: 'Audit entries, newest first (keyset paging with `before`)',
        content: {
          'application/json': { schema: z.object({ items: z.array(Entry), nextBefore: z.number().nullable() }) },
        },
      },
    },
  }),
  OPERATORS,
);
const csv = declared(
  createRoute({
    method: 'get',
    path: '/audit.csv',
    tags: [TAG],
    request: { query: Query.omit({ before: true, limit: true }) },
    responses: {
      200: { description: 'The filtered audit trail as CSV', content: { 'text/csv': { schema: z.string() } } },
    },
  }),
  OPERATORS,
);

function cell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote everything; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditRoutes(d: AppDeps) {
  return router()
    .openapi(list, (c) => {
      const q = c.req.valid('query');
      const items = listAudit(d.db, { ...q, limit: q.limit + 1 });
      const page = items.slice(0, q.limit);
      return c.json({ items: page, nextBefore: items.length > q.limit ? (page.at(-1)?.id ?? null) : null }, 200);
    })
    .openapi(csv, (c) => {
      const q = c.req.valid('query');
      const rows: AuditRow[] = [];
      let before: number | undefined;
      for (;;) {
        const batch = listAudit(d.db, { ...q, before, limit: 1000 });
        rows.push(...batch);
        if (batch.length < 1000 || rows.length >= 100_000) break;
        before = batch.at(-1)?.id;
      }
      const header = [
        'id',
        'time (UTC)',
        'simulated time (UTC)',
        'actor',
        'action',
        'target',
        'outcome',
        'code',
        'address',
        'detail',
      ];
      const lines = rows.map((r) =>
        [
          r.id,
          new Date(r.at).toISOString(),
          new Date(r.simulatedAt).toISOString(),
          r.actor,
          r.action,
          r.target,
          r.outcome,
          r.code,
          r.address,
          r.detail,
        ]
          .map(cell)
          .join(','),
      );
      c.header('Content-Disposition', 'attachment; filename="dpm-audit.csv"');
      return c.body([header.map(cell).join(','), ...lines].join('\r\n'), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    });
}
