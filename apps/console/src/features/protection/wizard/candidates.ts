import type { ProtectableComputer } from '../types';

/**
 * Select Group Members: the computers the server can protect, and each member it can select (a
 * data source, or another DPM server's replica of one).
 */
/** One computer of GET /protection/protectable, as the API answers it. */
export type { ProtectableComputer };
/** The group that protects a data source or replica already. */
export type ProtectedBy = NonNullable<ProtectableComputer['dataSources'][number]['protectedBy']>;
/** Why the server may not protect a candidate, as the domain decides (rule code and sentence). */
export type WhyNot = NonNullable<ProtectableComputer['dataSources'][number]['whyNot']>;

/** A member the wizard can select: a data source, or a DPM server's replica of one. */
export interface Candidate {
  key: string;
  dataSourceId: string;
  sourceServerId: string | null;
  name: string;
  computer: string;
  kind: string;
  sizeGb: number;
  protectedBy: ProtectedBy | null;
  whyNot: WhyNot | null;
}

export function memberKey(dataSourceId: string, sourceServerId: string | null): string {
  return `${dataSourceId}|${sourceServerId ?? ''}`;
}

export function candidatesOf(c: ProtectableComputer): { dataSources: Candidate[]; replicas: Candidate[] } {
  return {
    dataSources: c.dataSources.map((d) => ({
      key: memberKey(d.id, null),
      dataSourceId: d.id,
      sourceServerId: null,
      name: d.name,
      computer: c.name,
      kind: d.kind,
      sizeGb: d.sizeGb,
      protectedBy: d.protectedBy,
      whyNot: d.whyNot,
    })),
    replicas: c.replicas.map((r) => ({
      key: memberKey(r.dataSourceId, r.sourceServerId),
      dataSourceId: r.dataSourceId,
      sourceServerId: r.sourceServerId,
      name: r.name,
      computer: c.name,
      kind: r.kind,
      sizeGb: r.sizeGb,
      protectedBy: r.protectedBy,
      whyNot: r.whyNot,
    })),
  };
}

/**
 * Seed 001, "Set up primary and secondary protection": at a minimum, select the databases, the
 * \Program Files\Microsoft System Center\DPM\DPM\Config folder and the
 * \Program Files\Microsoft System Center\DPM\Scripting folder of the primary DPM server.
 */
export function isDpmMinimum(c: Pick<Candidate, 'kind' | 'name' | 'sourceServerId'>): boolean {
  if (c.sourceServerId !== null) return false;
  if (c.kind === 'DPMDB' || c.kind === 'SQL database') return true;
  return c.kind === 'Folder' && /\\DPM\\(DPM\\Config|Scripting)$/i.test(c.name);
}

export const DPM_MINIMUM_NOTE =
  'At a minimum, select the databases, the \\Program Files\\Microsoft ' +
  'System Center\\DPM\\DPM\\Config folder, and the \\Program ' +
  'Files\\Microsoft System Center\\DPM\\Scripting folder (Set up primary ' +
  'and secondary protection).';

const KIND_ORDER = ['DPMDB', 'SQL database', 'Folder', 'Share', 'Volume', 'System state'];
export function byKind(a: Candidate, b: Candidate): number {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name);
}
