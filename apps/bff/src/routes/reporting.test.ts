import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { inflateSync } from 'node:zlib';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { insertUser } from '@dpm/db/accounts-repository';
import { row, testApp } from '../test-app';
import { issueToken } from '../auth/service';
import { smtpMailer } from '../reporting/mailer';

type Section = {
  kind: string;
  id: string;
  title: string;
  rows?: (string | number | null)[][];
  columns?: { header: string }[];
  items?: { label: string; value: unknown }[];
};
type Doc = { title: string; scope: { name: string }; sections: Section[] };
const section = (doc: Doc, id: string) => {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const fact = (doc: Doc, label: string) => section(doc, 'summary').items?.find((i) => i.label === label)?.value;

/** The text a PDF draws, as the hex strings PDFKit writes for the standard fonts, inflated. */
function pdfHasText(pdf: Buffer, text: string): boolean {
  const raw = pdf.toString('latin1');
  let content = '';
  // Each stream is exactly /Length bytes after its "stream" line (its data may end in \r or \n).
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const data = pdf.subarray((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + Number(m[1]));
    try {
      content += inflateSync(data).toString('latin1');
    } catch {
      content += data.toString('latin1');
    }
  }
  return content.toLowerCase().includes(Buffer.from(text, 'latin1').toString('hex'));
}

const smtpServers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(smtpServers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A real SMTP server on a random port; what arrives is parsed into `received`. */
async function smtp() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  smtpServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}` };
}

const weeklyStatus = {
  reportId: 'status',
  serverId: 'srv-DS1',
  period: 'Week',
  frequency: 'Weekly',
  dayOfWeek: 1,
  timeOfDay: 9 * 60,
  keep: 2,
  recipients: ['backup-admins@contoso.com'],
  format: 'PDF',
};

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

  it(
    'a weekly Status report with a recipient arrives at the SMTP server when the simulated clock passes its time, ' +
      'the report attached; Available reports lists it',
    async () => {
      const mail = await smtp();
      const { app, json, reporting, db } = testApp(
        'demo',
        'manual',
        undefined,
        smtpMailer(mail.url, 'DPM Reporting <dpm@contoso.com>'),
      );
      expect(((await (await app.request('/api/reporting/mail')).json()) as { configured: boolean }).configured).toBe(
        true,
      );
      const created = await json('/api/report-schedules', weeklyStatus);
      expect(created.status).toBe(200);
      const schedule = (await created.json()) as { id: string; nextRunAt: number; description: string };
      // The fixture's clock is Monday 2 November 2026, 08:00 UTC: it runs at 09:00 the same day.
      expect(new Date(schedule.nextRunAt).toISOString()).toBe('2026-11-02T09:00:00.000Z');
      expect(schedule.description).toBe('Weekly on Monday at 09:00 UTC');
      expect(row(db, "SELECT action, outcome FROM audit WHERE action = 'report.schedule'")).toEqual({
        action: 'report.schedule',
        outcome: 'success',
      });

      await json('/api/clock/advance', { minutes: 59 });
      await reporting.idle();
      expect(mail.received).toHaveLength(0);
      await json('/api/clock/advance', { minutes: 2 * 60 });
      await reporting.idle();
      expect(mail.received).toHaveLength(1);
      const message = mail.received[0];
      expect(message?.subject).toBe('DPM Status report: DS1, 2026-11-02 09:00 UTC');
      expect(message?.to && 'text' in message.to ? message.to.text : '').toBe('backup-admins@contoso.com');
      expect(message?.text).toContain('Latest DPM database tape barcode: DS1001L8');
      const attachment = message?.attachments[0];
      expect(attachment?.filename).toBe('status-DS1-2026-11-02.pdf');
      expect(attachment?.contentType).toBe('application/pdf');
      expect(attachment && pdfHasText(attachment.content, 'DS1001L8')).toBe(true);

      const copies = (await (await app.request(`/api/available-reports?scheduleId=${schedule.id}`)).json()) as {
        id: string;
        report: string;
        generatedAt: number;
        mailStatus: string;
      }[];
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatchObject({ report: 'Status', mailStatus: 'Sent', generatedAt: Date.UTC(2026, 10, 2, 9) });
      const kept = (await (await app.request(`/api/available-reports/${copies[0]?.id ?? ''}`)).json()) as Doc;
      expect(kept.scope.name).toBe('DS1');
      const csv = await app.request(`/api/available-reports/${copies[0]?.id ?? ''}/download?format=csv`);
      expect(await csv.text()).toContain('"DS1001L8"');

      // Three more weeks: one report a week, each at its time, and only the last two are kept.
      await json('/api/clock/advance', { minutes: 21 * 24 * 60 });
      await reporting.idle();
      expect(mail.received).toHaveLength(4);
      const after = (await (await app.request(`/api/available-reports?scheduleId=${schedule.id}`)).json()) as {
        generatedAt: number;
      }[];
      expect(after.map((c) => new Date(c.generatedAt).toISOString())).toEqual([
        '2026-11-23T09:00:00.000Z',
        '2026-11-16T09:00:00.000Z',
      ]);
    },
  );

  it('without DPM_SMTP_URL the report is still produced and kept, marked Not configured', async () => {
    const { app, json } = testApp('demo');
    expect(((await (await app.request('/api/reporting/mail')).json()) as { configured: boolean }).configured).toBe(
      false,
    );
    await json('/api/report-schedules', { ...weeklyStatus, frequency: 'Daily' });
    await json('/api/clock/advance', { minutes: 120 });
    const copies = (await (await app.request('/api/available-reports')).json()) as { mailStatus: string }[];
    expect(copies.map((c) => c.mailStatus)).toEqual(['Not configured']);
  });

  it('a mail the SMTP server refuses is recorded on the copy; the schedule goes on', async () => {
    const { app, json, reporting } = testApp(
      'demo',
      'manual',
      undefined,
      smtpMailer('smtp://127.0.0.1:9', 'dpm@contoso.com'),
    );
    await json('/api/report-schedules', { ...weeklyStatus, frequency: 'Daily' });
    await json('/api/clock/advance', { minutes: 120 });
    await reporting.idle();
    const copies = (await (await app.request('/api/available-reports')).json()) as {
      mailStatus: string;
      mailDetail: string | null;
    }[];
    expect(copies[0]?.mailStatus).toBe('Failed');
    expect(copies[0]?.mailDetail).toBeTruthy();
    const schedules = (await (await app.request('/api/report-schedules')).json()) as { nextRunAt: number }[];
    expect(new Date(schedules[0]?.nextRunAt ?? 0).toISOString()).toBe('2026-11-03T09:00:00.000Z');
  });

  it(
    'schedules: invalid input names the field; a stale edit is refused with who changed it; delete removes the kept ' +
      'copies',
    async () => {
      const { app, json, db } = testApp('demo');
      const bad = await json('/api/report-schedules', { ...weeklyStatus, recipients: ['not an address'] });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { target: string } }).error.target).toBe('recipients.0');
      expect((await json('/api/report-schedules', { ...weeklyStatus, serverId: 'srv-DS9' })).status).toBe(404);
      const s = (await (await json('/api/report-schedules', weeklyStatus)).json()) as { id: string; version: number };
      const changed = await json(`/api/report-schedules/${s.id}/modify`, { ...weeklyStatus, keep: 5, version: 1 });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as { version: number; keep: number }).keep).toBe(5);
      const stale = await json(`/api/report-schedules/${s.id}/modify`, { ...weeklyStatus, keep: 7, version: 1 });
      expect(stale.status).toBe(409);
      expect(((await stale.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: 'STALE',
        message: expect.stringContaining('changed by admin') as unknown,
      });
      await json('/api/clock/advance', { minutes: 120 });
      expect(row<{ n: number }>(db, 'SELECT count(*) AS n FROM report_copies').n).toBe(1);
      expect((await json(`/api/report-schedules/${s.id}/delete`, {})).status).toBe(200);
      expect(row<{ n: number }>(db, 'SELECT count(*) AS n FROM report_copies').n).toBe(0);
      expect(((await (await app.request('/api/report-schedules')).json()) as unknown[]).length).toBe(0);
    },
  );

  it('roles: a Reader views and exports reports but may not schedule them or run the readiness check', async () => {
    const { app, db } = testApp('demo');
    insertUser(db, {
      id: 'user-reader',
      username: 'reader',
      passwordHash: 'scrypt$1$1$1$AA$AA',
      role: 'Reader',
      disabled: false,
      createdAt: 0,
      passwordChangedAt: 0,
    });
    const token = issueToken(db, 'user-reader', 'test', Date.now()).secret;
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
