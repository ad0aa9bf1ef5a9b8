import { describe, expect, it } from 'vitest';
import { Draft } from './draft';
import { ownRow } from './table-index';
import { demo } from './fixtures/scenarios';
import { emptyTable } from './model';

describe('ownRow', () => {
  it("finds a table's rows and never what every object inherits, with or without a prototype", () => {
    const bare = emptyTable<{ id: string }>();
    bare['srv-1'] = { id: 'srv-1' };
    const plain: Record<string, { id: string }> = { 'srv-1': { id: 'srv-1' } };
    for (const table of [bare, plain]) {
      expect(ownRow(table, 'srv-1')).toEqual({ id: 'srv-1' });
      for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'srv-2'])
        expect(ownRow(table, id)).toBeUndefined();
    }
  });
});

describe('Draft', () => {
  it("finds rows by a field through the base's index and its own writes, as they are now", () => {
    const base = demo();
    const draft = new Draft(base);
    const [first, second] = Object.values(base.jobs);
    if (!first || !second) throw new Error('the demo estate has jobs');
    const status = first.status;
    const before = draft.where('jobs', 'status', status).map((j) => j.id);
    expect(before).toContain(first.id);
    // Written twice after the index was first asked for, then back: listed once, under its value now.
    draft.update('jobs', first.id, { status: status === 'Failed' ? 'Completed' : 'Failed' });
    expect(draft.where('jobs', 'status', status).map((j) => j.id)).not.toContain(first.id);
    draft.update('jobs', first.id, { status });
    const again = draft.where('jobs', 'status', status).map((j) => j.id);
    expect(again.filter((id) => id === first.id)).toHaveLength(1);
    expect([...again].sort()).toEqual([...before].sort());
    // A deleted row is found by no field; a new one by its own.
    draft.del('jobs', second.id);
    draft.put('jobs', { ...second, id: 'job-new' });
    const byStatus = draft.where('jobs', 'status', second.status).map((j) => j.id);
    expect(byStatus).not.toContain(second.id);
    expect(byStatus).toContain('job-new');
    expect(draft.get('jobs', second.id)).toBeUndefined();
    expect(draft.outcome().changes.map((c) => (c.op === 'put' ? `put ${c.value.id}` : `del ${c.id}`))).toEqual([
      `put ${first.id}`,
      `del ${second.id}`,
      'put job-new',
    ]);
  });
});
