import { queryOptions } from '@tanstack/react-query';
import type { ReportGroupBy, ReportId } from '@dpm/domain/reporting/document';
import type { Period } from '@dpm/domain/reporting/period';
import { api, unwrap } from '../../api/client';
import { keys } from '../../api/keys';

/** Reporting's queries; the key root ['reporting'] is invalidated by report and readiness events. */
export const reportingKey = keys.reporting;

export interface ReportRequest {
  reportId: ReportId;
  /** null: the whole estate. */
  serverId: string | null;
  period: Period;
  groupBy: ReportGroupBy;
}

/** What the signed-in user can do in Reporting, as the server offers it (enabled, or the role it needs). */
export const reportingOperationsQuery = () =>
  queryOptions({
    queryKey: [...reportingKey, 'operations'],
    queryFn: async () => unwrap(await api.reporting.operations.$get()),
    staleTime: 60_000,
  });

export const reportsListQuery = () =>
  queryOptions({
    queryKey: [...reportingKey, 'list'],
    queryFn: async () => unwrap(await api.reports.$get()),
    staleTime: Infinity,
  });

/** A viewed report: `viewedAt` makes each View a new request (a report is as of when it is viewed). */
export const reportQuery = (r: ReportRequest, viewedAt: number) =>
  queryOptions({
    queryKey: [...reportingKey, 'view', r, viewedAt],
    queryFn: async () =>
      unwrap(
        await api.reports[':reportId'].$get({
          param: { reportId: r.reportId },
          query: { serverId: r.serverId ?? undefined, period: r.period, groupBy: r.groupBy },
        }),
      ),
    staleTime: Infinity,
  });

/** The export link of a report (CSV or PDF), as the server produces it now. */
export function exportHref(r: ReportRequest, format: 'csv' | 'pdf'): string {
  const q = new URLSearchParams({ period: r.period, groupBy: r.groupBy, format });
  if (r.serverId) q.set('serverId', r.serverId);
  return `/api/reports/${r.reportId}/export?${q.toString()}`;
}

export const mailQuery = () =>
  queryOptions({ queryKey: [...reportingKey, 'mail'], queryFn: async () => unwrap(await api.reporting.mail.$get()) });
const fetchSchedules = async () => unwrap(await api['report-schedules'].$get());
export type ScheduleRow = Awaited<ReturnType<typeof fetchSchedules>>[number];
export const schedulesQuery = () => queryOptions({ queryKey: [...reportingKey, 'schedules'], queryFn: fetchSchedules });
export const availableReportsQuery = () =>
  queryOptions({
    queryKey: [...reportingKey, 'available'],
    queryFn: async () => unwrap(await api['available-reports'].$get({ query: {} })),
  });
export const readinessQuery = () =>
  queryOptions({ queryKey: [...reportingKey, 'readiness'], queryFn: async () => unwrap(await api.readiness.$get()) });
export const readinessRunsQuery = () =>
  queryOptions({
    queryKey: [...reportingKey, 'readiness-runs'],
    queryFn: async () => unwrap(await api.readiness.runs.$get({ query: { limit: '50' } })),
  });
export const readinessRunQuery = (runId: number) =>
  queryOptions({
    queryKey: [...reportingKey, 'readiness-run', runId],
    queryFn: async () => unwrap(await api.readiness.runs[':runId'].$get({ param: { runId: String(runId) } })),
    staleTime: Infinity,
  });
export const availableReportQuery = (copyId: string) =>
  queryOptions({
    queryKey: [...reportingKey, 'available', copyId],
    queryFn: async () => unwrap(await api['available-reports'][':copyId'].$get({ param: { copyId } })),
    staleTime: Infinity,
  });

/** The DPMDB protection report: under the servers key, which every live event refreshes. */
export const dpmdbReportQuery = () =>
  queryOptions({
    queryKey: [...keys.servers, 'dpmdb-report'],
    queryFn: async () => unwrap(await api.reports['dpmdb-protection'].$get()),
  });
