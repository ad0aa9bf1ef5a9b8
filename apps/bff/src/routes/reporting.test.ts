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

  it('Tape Management for DS1 lists DS1001L8 first among the DPMDB tapes; Status names its label and barcode (seed ' +
    '001)', async () => {
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
  });

  it('every report answers for a server and for the estate, in every period; an unknown server is a 404, a bad ' +
    'period a 400 naming it', async () => {
    const { app } = testApp('demo');
    for (const id of ['status', 'protection', 'recovery', 'disk-utilization', 'tape-management', 'tape-utilization']) {
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
  });

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

  it('a weekly Status report with a recipient arrives at the SMTP server when the simulated clock passes its time, ' +
    'the report attached; Available reports lists it', async () => {
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
  });

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

  it('schedules: invalid input names the field; a stale edit is refused with who changed it; delete removes the kept ' +
    'copies', async () => {
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
  });

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

type Check = {
  server: string;
  check: string;
  result: string;
  code: string;
  message: string;
  fix: { control: string } | null;
};
type RunBody = {
  id: number;
  result: string;
  report: { servers: { server: string; result: string; checks: Check[] }[] };
};
const dpmdbCheck = (run: RunBody, server: string) =>
  run.report.servers.find((s) => s.server === server)?.checks.find((c) => c.code === 'DPMDB_OFF_SERVER');

describe('Readiness check routes', () => {
  it('fails DS4, whose database nothing protects, and passes DS1; the run is kept as history and raises an alert on ' +
    'DS4', async () => {
    const { app, json, db } = testApp('demo');
    const res = await json('/api/readiness/run', {});
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunBody;
    expect(run.result).toBe('Failed');
    expect(dpmdbCheck(run, 'DS4')).toMatchObject({ result: 'Failed', fix: { control: 'Create protection group' } });
    expect(dpmdbCheck(run, 'DS1')).toMatchObject({ result: 'Passed' });
    expect(dpmdbCheck(run, 'DS1')?.message).toContain('tape DS1001L8');
    // Seed 000: PS4 lost DS2 from DPMRADmTrustedMachines in the demo.
    const ds2 = run.report.servers
      .find((s) => s.server === 'DS2')
      ?.checks.find((c) => c.code === 'AGENT_ACCESS_DENIED');
    expect(ds2).toMatchObject({ result: 'Failed', fix: { control: 'Re-establish protection' } });
    expect(
      row(
        db,
        "SELECT name, severity, state FROM alerts WHERE server_id = 'srv-DS4' AND name = 'Readiness check failed'",
      ),
    ).toEqual({ name: 'Readiness check failed', severity: 'Warning', state: 'Active' });
    expect(
      row<{ n: number }>(
        db,
        "SELECT count(*) AS n FROM alerts WHERE server_id = 'srv-DS1' AND name = 'Readiness check failed'",
      ).n,
    ).toBe(0);
    expect(row(db, "SELECT action, outcome FROM audit WHERE action = 'reporting.readiness-check'")).toEqual({
      action: 'reporting.readiness-check',
      outcome: 'success',
    });
    const alerts = (await (await app.request('/api/servers/srv-DS4/alerts')).json()) as {
      items: {
        name: string;
        recommendedAction: string | null;
        recommended: { id: string; name: string; enabled: boolean } | null;
        description: string;
      }[];
    };
    const alert = alerts.items.find((a) => a.name === 'Readiness check failed');
    expect(alert?.recommendedAction).toBe('Run readiness check');
    // The alert's link is the catalogue's operation, offered to the administrator.
    expect(alert?.recommended).toMatchObject({
      id: 'reporting.readiness-check',
      name: 'Run readiness check',
      enabled: true,
    });
    expect(alert?.description).toContain('DPMDB_OFF_SERVER');

    const history = (await (await app.request('/api/readiness/runs')).json()) as {
      items: { id: number; result: string }[];
    };
    expect(history.items).toEqual([expect.objectContaining({ id: run.id, result: 'Failed' })]);
    const csv = await app.request(`/api/readiness/runs/${run.id}/export?format=csv`);
    expect(await csv.text()).toContain('"DS4","DPM database protected off the server","Failed","DPMDB_OFF_SERVER"');
    const pdf = Buffer.from(await (await app.request(`/api/readiness/runs/${run.id}/export?format=pdf`)).arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await app.request('/api/readiness/runs/999/export?format=pdf')).status).toBe(404);
  });

  it('once DS3 protects DS4\'s database and its replica is OK, DS4 passes and its alert is resolved', async () => {
    const { json, db } = testApp('demo');
    await json('/api/readiness/run', {});
    const credentials = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };
    expect(
      (await json('/api/servers/srv-DS3/agents/attach', { computerIds: ['cmp-DS4'], method: 'Attach', credentials }))
        .status,
    ).toBe(200);
    const group = {
      name: 'DS4 database',
      members: [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }],
      disk: { retentionDays: 10, syncFrequencyMinutes: 1440, recoveryPointTimes: [], expressFullTimes: [21 * 60] },
      tape: null,
      online: null,
      replicaCreation: 'Now',
      consistencyCheck: { runIfInconsistent: true, dailyAt: null },
    };
    const created = await json('/api/servers/srv-DS3/protection/groups', group);
    expect(created.status, await created.clone().text()).toBe(200);
    const pending = (await (await json('/api/readiness/run', {})).json()) as RunBody;
    expect(dpmdbCheck(pending, 'DS4')).toMatchObject({
      result: 'Failed',
      message: expect.stringContaining('Replica creation pending') as unknown,
    });
    await json('/api/clock/advance', { minutes: 10 });
    expect(
      row(db, "SELECT status FROM replicas WHERE server_id = 'srv-DS3' AND data_source_id = 'ds-DS4-DPMDB'"),
    ).toEqual({ status: 'OK' });
    const run = (await (await json('/api/readiness/run', {})).json()) as RunBody;
    expect(dpmdbCheck(run, 'DS4')).toMatchObject({
      result: 'Passed',
      message: "Copies of DS4's database are held on DS3.",
    });
    expect(row(db, "SELECT state FROM alerts WHERE server_id = 'srv-DS4' AND name = 'Readiness check failed'")).toEqual(
      { state: 'Inactive' },
    );
  });

  it('the goal for the newest DPMDB copy is the administrator\'s: past it the check warns', async () => {
    const { app, json } = testApp('demo');
    expect(
      ((await (await app.request('/api/readiness')).json()) as { dpmdbGoalHours: number; latest: unknown })
        .dpmdbGoalHours,
    ).toBe(24);
    expect((await json('/api/readiness/settings', { dpmdbGoalHours: 0 })).status).toBe(400);
    expect((await json('/api/readiness/settings', { dpmdbGoalHours: 1 })).status).toBe(200);
    // The demo's newest copies of DS1's database are from 20:00 and 07:50: advance past the hour.
    await json('/api/clock/advance', { minutes: 90 });
    const run = (await (await json('/api/readiness/run', {})).json()) as RunBody;
    const age = run.report.servers.find((s) => s.server === 'DS1')?.checks.find((c) => c.code === 'DPMDB_COPY_AGE');
    expect(age).toMatchObject({
      result: 'Warning',
      message: expect.stringContaining('the goal is 1 hours') as unknown,
    });
    const latest = (await (await app.request('/api/readiness')).json()) as { latest: { id: number } | null };
    expect(latest.latest?.id).toBe(run.id);
  });
});
