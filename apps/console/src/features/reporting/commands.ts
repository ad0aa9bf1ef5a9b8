import { api, unwrap } from '../../api/client';

/** Reporting's commands: schedules and the readiness check, one function per API call. */
const schedules = api['report-schedules'];

type ScheduleBody = Parameters<(typeof schedules)['$post']>[0]['json'];

export const createSchedule = async (body: ScheduleBody) => unwrap(await schedules.$post({ json: body }));

/** `version`: the schedule as the console showed it; a changed one is refused. */
export const modifySchedule = async (scheduleId: string, body: ScheduleBody, version: number) =>
  unwrap(await schedules[':scheduleId'].modify.$post({ param: { scheduleId }, json: { ...body, version } }));

export const deleteSchedule = async (scheduleId: string) =>
  unwrap(await schedules[':scheduleId'].delete.$post({ param: { scheduleId }, json: {} }));

export const runReadinessCheck = async () => unwrap(await api.readiness.run.$post({ json: {} }));

export const setDpmdbGoal = async (dpmdbGoalHours: number) =>
  unwrap(await api.readiness.settings.$post({ json: { dpmdbGoalHours } }));
