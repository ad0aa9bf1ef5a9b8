import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { row, testApp } from '../test-app';
import { smtpMailer } from '../reporting/mailer';
import type { Doc } from './reporting-test-support';
import { pdfHasText, weeklyStatus } from './reporting-test-support';

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

describe('Reporting routes', () => {
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
});
