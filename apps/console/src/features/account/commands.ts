import { api, unwrap } from '../../api/client';

/** The Account page's commands: API tokens and the password, one function per API call. */
export const createToken = async (name: string) => unwrap(await api.auth.tokens.$post({ json: { name } }));

export const revokeToken = async (tokenId: string) =>
  unwrap(await api.auth.tokens[':tokenId'].revoke.$post({ param: { tokenId }, json: {} }));

export const changePassword = async (currentPassword: string, newPassword: string) =>
  unwrap(await api.auth.password.$post({ json: { currentPassword, newPassword } }));
