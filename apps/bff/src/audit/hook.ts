import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '@dpm/db/client';
import { appendAudit } from '@dpm/db/audit-repository';
import type { AppDeps, AppEnv } from '../deps';
import { accessOf, matchedApiRoute } from '../auth/permissions';
import { clientAddress } from '../security';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a handler knows better than the hook: the object acted on, the operation, who signs in. */
export interface AuditNote {
  action?: string;
  target?: string;
  actor?: string;
  detail?: string;
}

/**
 * The audit entry of one request, written exactly once. The hook writes it when the request ends
 * (a refusal of any kind, a read refused access, a mutation outside the estate); a command writes
 * it itself inside the transaction that commits its changes, so a change is never kept without
 * its entry. Either way the entry is made here, from the route's operation and the outcome.
 */
export class AuditRecord {
  written = false;
  private note: AuditNote = {};

  constructor(
    private readonly c: Context<AppEnv>,
    private readonly d: AppDeps,
  ) {}

  set(note: AuditNote): void {
    this.note = { ...this.note, ...note };
  }

  /** The route's operation (its catalogue id), else the method and the route. */
  private action(): string {
    const c = this.c;
    const route = matchedApiRoute(c);
    const access = route ? accessOf(c.req.method, route) : undefined;
    return (
      this.note.action ??
      (access?.kind === 'role' ? access.operation : undefined) ??
      `${c.req.method} ${route ?? c.req.path}`
    );
  }

  write(db: Db, outcome: 'success' | 'refused', code: string | null, detail: string): void {
    if (this.written) return;
    this.written = true;
    const c = this.c;
    appendAudit(db, {
      at: Date.now(),
      simulatedAt: this.d.store.now,
      actor: this.note.actor ?? c.get('actor'),
      action: this.action(),
      target: (this.note.target ?? c.req.path).slice(0, 500),
      outcome,
      code,
      address: clientAddress(c),
      detail: (this.note.detail ?? detail).slice(0, 2000),
    });
  }
}

/**
 * Audits every mutating request and every refusal of any request, reads refused access included,
 * once. 5xx answers are logged with their request id instead (they carry no detail to audit).
 */
export function auditHook(d: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const record = new AuditRecord(c, d);
    c.set('audit', record);
    await next();
    const status = c.res.status;
    if (record.written || status >= 500 || !(MUTATING.has(c.req.method) || status === 401 || status === 403)) return;
    const body =
      status >= 400
        ? ((await c.res
            .clone()
            .json()
            .catch(() => null)) as { error?: { code?: string; message?: string } } | null)
        : null;
    record.write(
      d.db,
      status >= 400 ? 'refused' : 'success',
      status >= 400 ? (body?.error?.code ?? String(status)) : null,
      body?.error?.message ?? '',
    );
  };
}
