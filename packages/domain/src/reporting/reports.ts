import type { Estate } from '../model';
import type { DomainError } from '../errors';
import type { ReportDocument, ReportId } from './document';
import type { ReportOptions } from './scope';
import { statusReport } from './status-report';
import { protectionReport } from './protection-report';
import { recoveryReport } from './recovery-report';
import { diskUtilizationReport } from './disk-utilization-report';
import { tapeManagementReport } from './tape-management-report';
import { tapeUtilizationReport } from './tape-utilization-report';

type Build = (estate: Estate, opts: ReportOptions) => ReportDocument | DomainError;

/** DPM's six reports, in its order, with what each tells (shown under the report's name). */
export const REPORTS: Record<ReportId, { build: Build; description: string }> = {
  status: {
    build: statusReport,
    description:
      'Recovery points created and failed, the success rate, and the last backup of the DPM database (date, where, ' +
      'tape label and barcode).',
  },
  protection: {
    build: protectionReport,
    description:
      'Per protection group, the goals against what was achieved: recovery points available versus expected, oldest ' +
      'and newest.',
  },
  recovery: {
    build: recoveryReport,
    description: 'Recoveries run, succeeded and failed, the data recovered and the time taken.',
  },
  'disk-utilization': {
    build: diskUtilizationReport,
    description: 'Storage pool capacity, allocated and used, per disk and per group, with the trend over the period.',
  },
  'tape-management': {
    build: tapeManagementReport,
    description:
      'Every tape by barcode and label, the tapes holding a DPM database backup, tapes due back from off-site, free ' +
      'tapes left.',
  },
  'tape-utilization': {
    build: tapeUtilizationReport,
    description: 'Tape capacity used per group and over time, and the tapes the period needs.',
  },
};

export function buildReport(estate: Estate, reportId: ReportId, opts: ReportOptions): ReportDocument | DomainError {
  return REPORTS[reportId].build(estate, opts);
}
