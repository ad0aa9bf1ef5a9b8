import { describe, expect, it } from 'vitest';
import { readerToken, testApp } from '../test-app';
import type { Doc } from './reporting-test-support';
import { section, fact, pdfHasText, weeklyStatus } from './reporting-test-support';

describe('Reporting routes', () => {
  it("lists DPM's six reports by name", async () => {
    const { app } = testApp('demo');
    const res = await app.request('/api/reports');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }[]).map((r) => r.name)).toEqual([
      'Status',
      'Protection',
      'Recovery',
      'Disk Utilization',
      'Tape Management',
      'Tape Utilization',
    ]);
  });

  it(
    'Tape Management for DS1 lists DS1001L8 first among the DPMDB tapes; Status names its label and barcode (seed ' +
      '001)',
    async () => {
      const { app } = testApp('demo');
      const tapes = (await (
        await app.request('/api/reports/tape-management?serverId=srv-DS1&period=Month')
      ).json()) as Doc;
      expect(section(tapes, 'dpmdb-tapes').rows?.map((r) => r[0])).toEqual(['DS1001L8', 'DS2017L8']);
      const status = (await (await app.request('/api/reports/status?serverId=srv-DS1')).json()) as Doc;
      expect(fact(status, 'Latest DPM database tape barcode')).toBe('DS1001L8');
      expect(fact(status, 'Latest DPM database tape label')).toBe('DS1-DPMDB-Tape-0001');
      const tapeRow = section(status, 'dpmdb-backups').rows?.find((r) => r[1] === 'Tape');
      expect(tapeRow?.slice(4)).toEqual(['DS1-DPMDB-Tape-0001', 'DS1001L8']);
    },
  );

  it(
    'every report answers for a server and for the estate, in every period; an unknown server is a 404, a bad ' +
      'period a 400 naming it',
    async () => {
      const { app } = testApp('demo');
      for (const id of [
        'status',
        'protection',
        'recovery',
        'disk-utilization',
        'tape-management',
        'tape-utilization',
      ]) {
        for (const q of ['serverId=srv-DS2&period=Quarter&groupBy=Computer', 'period=Year']) {
          const res = await app.request(`/api/reports/${id}?${q}`);
          expect(res.status, `${id} ${q}`).toBe(200);
          expect(((await res.json()) as Doc).sections.length).toBeGreaterThan(1);
        }
      }
      expect((await app.request('/api/reports/status?serverId=srv-DS9')).status).toBe(404);
      const bad = await app.request('/api/reports/status?period=Decade');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { target: string } }).error.target).toBe('period');
    },
  );

  it('exports CSV and PDF files that carry the report', async () => {
    const { app } = testApp('demo');
    const csv = await app.request('/api/reports/tape-management/export?serverId=srv-DS1&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="tape-management-DS1-2026-11-02\.csv"/,
    );
    const text = await csv.text();
    expect(text).toContain('"Tapes with a backup of the DPM database, newest first"');
    expect(text).toContain('"DS1001L8","DS1-DPMDB-Tape-0001","DS1"');
    const pdf = await app.request('/api/reports/status/export?serverId=srv-DS1&format=pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfHasText(bytes, 'DS1001L8')).toBe(true);
  });

  it('roles: a Reader views and exports reports but may not schedule them or run the readiness check', async () => {
    const { app, db } = testApp('demo');
    const token = readerToken(db);
    const as = (path: string, init: RequestInit = {}) =>
      app.request(path, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
      });
    expect((await as('/api/reports/status?serverId=srv-DS1')).status).toBe(200);
    expect((await as('/api/reports/status/export?serverId=srv-DS1&format=csv')).status).toBe(200);
    const post = (path: string, body: unknown) =>
      as(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/api/report-schedules', weeklyStatus)).status).toBe(403);
    expect((await post('/api/readiness/run', {})).status).toBe(403);
  });
});
