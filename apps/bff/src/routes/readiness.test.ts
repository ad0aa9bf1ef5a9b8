import { describe, expect, it } from 'vitest';
import { row, testApp } from '../test-app';

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
  it(
    'fails DS4, whose database nothing protects, and passes DS1; the run is kept as history and raises an alert on ' +
      'DS4',
    async () => {
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
      const pdf = Buffer.from(
        await (await app.request(`/api/readiness/runs/${run.id}/export?format=pdf`)).arrayBuffer(),
      );
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await app.request('/api/readiness/runs/999/export?format=pdf')).status).toBe(404);
    },
  );

  it("once DS3 protects DS4's database and its replica is OK, DS4 passes and its alert is resolved", async () => {
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

  it("the goal for the newest DPMDB copy is the administrator's: past it the check warns", async () => {
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
