import type { Role } from '@dpm/domain/roles';
import { api, unwrap } from '../../api/client';

/** The Users page's commands, one function per API call; `expectedRevision`: the user as shown. */
const user = api.users[':userId'];

export const addUser = async (draft: { username: string; role: Role; password: string }) =>
  unwrap(await api.users.$post({ json: draft }));

export const setRole = async (userId: string, role: Role, expectedRevision: number) =>
  unwrap(await user.role.$post({ param: { userId }, json: { role, expectedRevision } }));

export const setDisabled = async (userId: string, disabled: boolean, expectedRevision: number) =>
  unwrap(await user.disabled.$post({ param: { userId }, json: { disabled, expectedRevision } }));

export const resetPassword = async (userId: string, password: string, expectedRevision: number) =>
  unwrap(await user.password.$post({ param: { userId }, json: { password, expectedRevision } }));
