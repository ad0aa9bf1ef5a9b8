import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { Id, ServerParams } from '../schemas';
import { Library } from '../schemas-management';
import { Refused } from '../http-errors';
import { isDomainError } from '@dpm/domain/errors';
import { listLibraries } from '@dpm/db/views/management';
import { rescanOperation } from '@dpm/domain/library/rescan';
import { detailedInventoryOperation, fastInventoryOperation } from '@dpm/domain/library/inventory';
import { lockDoorOperation, unlockDoorOperation } from '@dpm/domain/library/set-library-door';
import { disableLibraryOperation, enableLibraryOperation } from '@dpm/domain/library/set-library-enabled';
import { cleanDriveOperation } from '@dpm/domain/library/clean-drive';
import { addTapeOperation } from '@dpm/domain/library/add-tape';
import { recatalogOperation } from '@dpm/domain/library/recatalog-imported-tape';
import { identifyTapeOperation } from '@dpm/domain/library/identify-unknown-tape';
import { markFreeOperation } from '@dpm/domain/library/mark-tape-free';
import { eraseTapeOperation } from '@dpm/domain/library/erase-tape';
import { removeTapeOperation } from '@dpm/domain/library/remove-tape';
import { tapeContents } from '@dpm/domain/library/tape-contents';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';
import { serverOr404 } from './lookups';

const TAG = 'Management';
const LibraryParams = ServerParams.extend({ libraryId: Id.openapi({ param: { name: 'libraryId', in: 'path' } }) });
const TapeParams = ServerParams.extend({ tapeId: Id.openapi({ param: { name: 'tapeId', in: 'path' } }) });
const Revised = {
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The revision of the library the console showed (STALE)' }),
};
const TapeDataSet = z
  .object({
    dataSource: z.string(),
    computer: z.string(),
    time: z.number(),
    sizeGb: z.number(),
    databaseBackup: z.boolean(),
  })
  .openapi('TapeDataSet');

const libraries = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/libraries',
    "The tape libraries the server's DPM database knows (found by Rescan since DPM was installed), with their tapes, " +
      'and what can be done to each',
    ServerParams,
    NoQuery,
    z.array(Library),
  ),
);
const contents = readRoute(
  TAG,
  '/servers/{serverId}/tapes/{tapeId}/contents',
  'View tape contents',
  TapeParams,
  NoQuery,
  z.array(TapeDataSet),
);
const rescan = operationRoute(rescanOperation, '/servers/{serverId}/libraries/rescan', ServerParams, NoBody);
const inventory = operationRoute(
  [fastInventoryOperation, detailedInventoryOperation],
  '/servers/{serverId}/libraries/{libraryId}/inventory',
  LibraryParams,
  z.object({ kind: z.enum(['Fast', 'Detailed']) }).strict(),
  'Inventory libraries… (Fast inventory / Detailed inventory)',
);
const door = operationRoute(
  [lockDoorOperation, unlockDoorOperation],
  '/servers/{serverId}/libraries/{libraryId}/door',
  LibraryParams,
  z.object({ locked: z.boolean(), ...Revised }).strict(),
);
const enabled = operationRoute(
  [disableLibraryOperation, enableLibraryOperation],
  '/servers/{serverId}/libraries/{libraryId}/enabled',
  LibraryParams,
  z.object({ enabled: z.boolean(), ...Revised }).strict(),
);
const clean = operationRoute(
  cleanDriveOperation,
  '/servers/{serverId}/libraries/{libraryId}/clean-drive',
  LibraryParams,
  NoBody,
);
const add = operationRoute(
  addTapeOperation,
  '/servers/{serverId}/libraries/{libraryId}/tapes',
  LibraryParams,
  z.object({ barcode: z.string().min(1).max(16), cleaning: z.boolean().default(false) }).strict(),
);
const recatalog = operationRoute(
  recatalogOperation,
  '/servers/{serverId}/tapes/{tapeId}/recatalog',
  TapeParams,
  NoBody,
);
const identify = operationRoute(
  identifyTapeOperation,
  '/servers/{serverId}/tapes/{tapeId}/identify',
  TapeParams,
  NoBody,
);
const markFree = operationRoute(markFreeOperation, '/servers/{serverId}/tapes/{tapeId}/mark-free', TapeParams, NoBody);
const erase = operationRoute(eraseTapeOperation, '/servers/{serverId}/tapes/{tapeId}/erase', TapeParams, NoBody);
const remove = operationRoute(removeTapeOperation, '/servers/{serverId}/tapes/{tapeId}/remove', TapeParams, NoBody);

/** Management › Libraries: libraries and their tapes. */
export function libraryRoutes(d: AppDeps) {
  return router()
    .openapi(libraries, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        const server = serverOr404(d, serverId);
        const libraryOps = offeredFor(d, c, 'library');
        const tapeOps = offeredFor(d, c, 'tape');
        return listLibraries(d.reads, server).map((l) => ({
          ...l,
          operations: libraryOps({ serverId, libraryId: l.id }),
          tapes: l.tapes.map((t) => ({ ...t, operations: tapeOps({ serverId, tapeId: t.id }) })),
        }));
      }),
    )
    .openapi(contents, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      const rows = tapeContents(d.store.estate, { serverId, tapeId });
      if (isDomainError(rows)) throw new Refused(rows);
      return c.json(rows, 200);
    })
    .openapi(rescan, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, rescanOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(inventory, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      const { kind } = c.req.valid('json');
      return c.json(
        run(
          d,
          c,
          kind === 'Fast' ? fastInventoryOperation : detailedInventoryOperation,
          { serverId, libraryId, kind },
          { target: libraryId },
        ),
        200,
      );
    })
    .openapi(door, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        run(
          d,
          c,
          body.locked ? lockDoorOperation : unlockDoorOperation,
          { serverId, libraryId, ...body },
          { target: libraryId },
        ),
        200,
      );
    })
    .openapi(enabled, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        run(
          d,
          c,
          body.enabled ? enableLibraryOperation : disableLibraryOperation,
          { serverId, libraryId, ...body },
          { target: libraryId },
        ),
        200,
      );
    })
    .openapi(clean, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      return c.json(run(d, c, cleanDriveOperation, { serverId, libraryId }, { target: libraryId }), 200);
    })
    .openapi(add, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      return c.json(
        run(d, c, addTapeOperation, { serverId, libraryId, ...c.req.valid('json') }, { target: libraryId }),
        200,
      );
    })
    .openapi(recatalog, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      return c.json(run(d, c, recatalogOperation, { serverId, tapeId }, { target: tapeId }), 200);
    })
    .openapi(identify, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      return c.json(run(d, c, identifyTapeOperation, { serverId, tapeId }, { target: tapeId }), 200);
    })
    .openapi(markFree, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      return c.json(run(d, c, markFreeOperation, { serverId, tapeId }, { target: tapeId }), 200);
    })
    .openapi(erase, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      return c.json(run(d, c, eraseTapeOperation, { serverId, tapeId }, { target: tapeId }), 200);
    })
    .openapi(remove, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      return c.json(run(d, c, removeTapeOperation, { serverId, tapeId }, { target: tapeId }), 200);
    });
}
