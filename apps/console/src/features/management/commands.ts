import { api, unwrap } from '../../api/client';
import type { Version } from '@dpm/domain/model';

/**
 * The Management work area's commands (agents, disks, libraries and tapes, online protection,
 * the simulated estate), one function per API call. Each answers the command's result or throws
 * the server's refusal; the live stream refreshes the views.
 */
const agents = api.servers[':serverId'].agents;
const agent = agents[':computerId'];
const disks = api.servers[':serverId'].disks;
const libraries = api.servers[':serverId'].libraries;
const library = libraries[':libraryId'];
const tape = api.servers[':serverId'].tapes[':tapeId'];

// Agents
export const updateAgents = async (serverId: string, computerIds: string[]) =>
  unwrap(await agents.update.$post({ param: { serverId }, json: { computerIds } }));
export const refreshAgents = async (serverId: string) =>
  unwrap(await agents.refresh.$post({ param: { serverId }, json: {} }));

/** The agent operations on one computer, by the last part of their route. */
export type AgentCommand = 'disable-protection' | 'enable-protection' | 'uninstall' | 'take-ownership' | 'reestablish';
/** `expectedRevision`: the agent as the console showed it; a changed agent is refused (409). */
export const agentCommand = async (
  serverId: string,
  computerId: string,
  which: AgentCommand,
  expectedRevision?: number,
) => {
  const json = expectedRevision === undefined ? {} : { expectedRevision };
  return unwrap(await agent[which].$post({ param: { serverId, computerId }, json }));
};

type AttachBody = Parameters<(typeof agents.attach)['$post']>[0]['json'];
/** Protection Agent Installation Wizard: install or attach agents on computers. */
export const attachAgents = async (serverId: string, body: AttachBody) =>
  unwrap(await agents.attach.$post({ param: { serverId }, json: body }));

// Disks
export const addDisk = async (serverId: string, sizeGb: number) =>
  unwrap(await disks.$post({ param: { serverId }, json: { sizeGb } }));
export const diskCommand = async (serverId: string, diskId: string, which: 'simulate-failure' | 'remove') =>
  unwrap(await disks[':diskId'][which].$post({ param: { serverId, diskId }, json: {} }));

// Libraries and tapes
export const rescanLibraries = async (serverId: string) =>
  unwrap(await libraries.rescan.$post({ param: { serverId }, json: {} }));
export const inventory = async (serverId: string, libraryId: string, kind: 'Fast' | 'Detailed') =>
  unwrap(await library.inventory.$post({ param: { serverId, libraryId }, json: { kind } }));
export const lockDoor = async (serverId: string, libraryId: string, locked: boolean, expectedRevision: number) =>
  unwrap(await library.door.$post({ param: { serverId, libraryId }, json: { locked, expectedRevision } }));
export const enableLibrary = async (serverId: string, libraryId: string, enabled: boolean, expectedRevision: number) =>
  unwrap(await library.enabled.$post({ param: { serverId, libraryId }, json: { enabled, expectedRevision } }));
export const cleanDrive = async (serverId: string, libraryId: string) =>
  unwrap(await library['clean-drive'].$post({ param: { serverId, libraryId }, json: {} }));
export const addTape = async (serverId: string, libraryId: string, barcode: string, cleaning: boolean) =>
  unwrap(await library.tapes.$post({ param: { serverId, libraryId }, json: { barcode, cleaning } }));
export const tapeCommand = async (
  serverId: string,
  tapeId: string,
  which: 'recatalog' | 'identify' | 'mark-free' | 'erase' | 'remove',
) => unwrap(await tape[which].$post({ param: { serverId, tapeId }, json: {} }));

// Online protection
export const registerOnline = async (
  serverId: string,
  vault: string,
  credentialsIssuedAt: number,
  passphrase: string,
) =>
  unwrap(
    await api.servers[':serverId'].online.register.$post({
      param: { serverId },
      json: { vault, credentialsIssuedAt, passphrase },
    }),
  );

// The simulated estate
const estateServer = api.estate.servers[':serverId'];
const estateComputer = api.estate.computers[':computerId'];
export const setVssWriter = async (serverId: string, state: 'Running' | 'Stopped') =>
  unwrap(await estateServer['vss-writer'].$post({ param: { serverId }, json: { state } }));
export const removeDpmServer = async (serverId: string) =>
  unwrap(await estateServer.remove.$post({ param: { serverId }, json: {} }));
export const uncleanShutdown = async (computerId: string) =>
  unwrap(await estateComputer['unclean-shutdown'].$post({ param: { computerId }, json: {} }));
export const removeComputer = async (computerId: string) =>
  unwrap(await estateComputer.remove.$post({ param: { computerId }, json: {} }));
export const addDpmServer = async (name: string, fqdn: string, version: Version) =>
  unwrap(await api.estate.servers.$post({ param: {}, json: { name, fqdn, version, storagePoolGb: 10_000 } }));
export const addComputer = async (name: string, fqdn: string) =>
  unwrap(await api.estate.computers.$post({ param: {}, json: { name, fqdn } }));
