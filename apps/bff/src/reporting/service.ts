import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '@dpm/db/client';
import { inTransaction } from '@dpm/db/client';
import {
  insertCopy,
  listSchedules,
  setMailStatus,
  updateSchedule,
  type ReportCopy,
} from '@dpm/db/reporting-repository';
import { isDomainError } from '@dpm/domain/errors';
import type { PrintDocument, ReportDocument } from '@dpm/domain/reporting/document';
import { REPORT_NAMES, formatCell, formatUtc, limitSectionRows, printable } from '@dpm/domain/reporting/document';
import { buildReport } from '@dpm/domain/reporting/reports';
import { warmReportIndexes } from '@dpm/domain/reporting/scope';
import type { ReportFormat, ReportSchedule } from '@dpm/domain/reporting/schedule';
import { nextRunAfter } from '@dpm/domain/reporting/schedule';
import type { ClockListener, EstateStore } from '../store';
import type { Mailer } from './mailer';
import { MAX_ROWS_SHOWN, toCsv, toPdf } from './export';

/** A document as the file a user downloads or a recipient receives. */
export async function renderFile(
  doc: PrintDocument,
  format: ReportFormat,
): Promise<{ filename: string; contentType: string; content: Buffer | string }> {
  if (format === 'CSV')
    return { filename: `${doc.fileName}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(doc) };
  // The PDF shows the first rows of a long table and says the CSV holds the rest.
  return {
    filename: `${doc.fileName}.pdf`,
    contentType: 'application/pdf',
    content: await toPdf({ ...doc, sections: limitSectionRows(doc.sections, MAX_ROWS_SHOWN) }),
  };
}

/**
 * Scheduled reports: on the simulated clock each schedule comes due, its report is produced then
 * (the clock stops at its time, so the report shows the estate as it was), kept as an Available
 * report (the last `keep`), and mailed after the commit to its recipients, when DPM_SMTP_URL is
 * set. A mail that fails is recorded on the copy; the schedule goes on.
 */
export class ReportingService implements ClockListener {
  private schedules: ReportSchedule[];
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly store: EstateStore,
    private readonly mailer: Mailer | null,
    private readonly log: Logger,
  ) {
    this.schedules = listSchedules(db);
    warmReportIndexes(store.estate);
    store.onClock(this);
  }

  get mailConfigured(): boolean {
    return this.mailer !== null;
  }

  /** Re-reads the schedules after a change was committed. */
  reload(): void {
    try {
      this.schedules = listSchedules(this.db);
    } catch (err) {
      this.log.error({ err }, 'report schedules could not be read');
    }
  }

  nextDue(from: number, to: number): number | null {
    let next: number | null = null;
    for (const s of this.schedules)
      if (s.nextRunAt > from && s.nextRunAt <= to && (next === null || s.nextRunAt < next)) next = s.nextRunAt;
    return next;
  }

  fire(at: number): void {
    const due = this.schedules.filter((s) => s.nextRunAt <= at);
    if (due.length === 0) return;
    for (const s of due) {
      try {
        this.produce(s, at);
      } catch (err) {
        // The clock goes on: this run is skipped (logged), the schedule's next one comes as usual.
        this.log.error({ err, scheduleId: s.id }, 'scheduled report failed');
        s.nextRunAt = nextRunAfter(s, at);
        try {
          inTransaction(this.db, (tx) => updateSchedule(tx, s));
        } catch (again) {
          this.log.error({ err: again, scheduleId: s.id }, 'report schedule could not be moved to its next run');
        }
      }
    }
    this.reload();
  }

  private produce(schedule: ReportSchedule, at: number): void {
    const doc = buildReport(this.store.estate, schedule.reportId, {
      now: at,
      serverId: schedule.serverId,
      period: schedule.period,
      groupBy: schedule.groupBy,
    });
    const next = { ...schedule, nextRunAt: nextRunAfter(schedule, at) };
    if (isDomainError(doc)) {
      // The server it reports on was removed: the schedule stays, to be changed or deleted.
      this.log.warn({ scheduleId: schedule.id, code: doc.code }, 'scheduled report not produced');
      inTransaction(this.db, (tx) => updateSchedule(tx, next));
      return;
    }
    const copy: ReportCopy = {
      id: `report-${randomUUID()}`,
      scheduleId: schedule.id,
      reportId: schedule.reportId,
      serverId: schedule.serverId,
      period: schedule.period,
      generatedAt: at,
      document: doc,
      format: schedule.format,
      recipients: schedule.recipients,
      mailStatus: schedule.recipients.length === 0 ? 'No recipients' : this.mailer ? 'Sending' : 'Not configured',
      mailDetail: null,
      mailedAt: null,
    };
    inTransaction(this.db, (tx) => {
      insertCopy(tx, copy, schedule.keep);
      updateSchedule(tx, next);
    });
    this.store.bus.publish(
      [
        {
          type: 'report.produced',
          serverId: null,
          subjectId: copy.id,
          summary: `${REPORT_NAMES[copy.reportId]} report for ${doc.scope.name} produced`,
        },
      ],
      at,
    );
    if (copy.mailStatus === 'Sending') this.track(this.mail(copy, doc));
  }

  private track(p: Promise<void>): void {
    this.sending.add(p);
    void p.finally(() => this.sending.delete(p));
  }

  private async mail(copy: ReportCopy, doc: ReportDocument): Promise<void> {
    const mailer = this.mailer;
    if (!mailer) return;
    const print = printable(doc);
    try {
      const attachment = await renderFile(print, copy.format);
      const summary = doc.sections.flatMap((s) =>
        s.kind === 'facts' ? s.items.map((i) => `${i.label}: ${formatCell(i.value, i.kind)}`) : [],
      );
      await mailer.send({
        to: copy.recipients,
        subject: `DPM ${doc.title}: ${doc.scope.name}, ${formatUtc(doc.generatedAt)}`,
        text: [
          `${doc.title} (${print.subtitle.join('; ')}).`,
          '',
          ...summary,
          '',
          `The report is attached as ${copy.format}.`,
        ].join('\n'),
        attachment,
      });
      setMailStatus(this.db, copy.id, 'Sent', null, Date.now());
      this.store.bus.publish(
        [
          {
            type: 'report.mailed',
            serverId: null,
            subjectId: copy.id,
            summary: `${doc.title} mailed to ${copy.recipients.join(', ')}`,
          },
        ],
        this.store.now,
      );
    } catch (err) {
      const detail = err instanceof Error ? err.message.slice(0, 500) : 'The mail could not be sent.';
      this.log.warn({ copyId: copy.id, err: detail }, 'report mail failed');
      setMailStatus(this.db, copy.id, 'Failed', detail, null);
      this.store.bus.publish(
        [
          {
            type: 'report.mail-failed',
            serverId: null,
            subjectId: copy.id,
            summary: `${doc.title} could not be mailed: ${detail}`,
          },
        ],
        this.store.now,
      );
    }
  }

  /** Resolves once every mail started so far has been sent or has failed. */
  async idle(): Promise<void> {
    while (this.sending.size > 0) await Promise.allSettled([...this.sending]);
  }
}
