// Exchange between offices (#18): the office's mã định danh and this PC's routes, the inbox, a
// package registered or refused, a document sent or revoked, what came back per recipient.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors.js';
import { ORGAN_ID_SETTING } from '../../../shared/sync/exchangeRelay.js';
import { agencies } from '../../../db/core/schema.js';
import { currentUnit } from '../../../db/admin/users.js';
import { writeSetting } from '../../../db/core/settings.js';
import { mutate } from '../../../db/core/write.js';
import { saveOrgan } from '../../../db/exchange/organDirectory.js';
import { organIdOf } from '../../../db/exchange/messages.js';
import { shownRecord } from '../../../db/secrets/secretAccess.js';
import { pickedFileSize } from '../../files/pickedFile.js';
import { exchangeLogFile } from '../../exchange/exchangeLog.js';
import { readRoutes, writeRoutes } from '../../exchange/routes.js';
import type { PumpResult } from '../../exchange/exchangeService.js';
import { defineSlice, userOf, type Services } from './types.js';

export function exchangeHandlers({ store, exchange, sync, imports }: Services) {
  const settings = () => {
    const r = readRoutes(store);
    return {
      organId: organIdOf(store),
      officeName: currentUnit(store).name,
      outFolder: r.outFolder,
      inFolder: r.inFolder,
      axisUrl: r.axisUrl,
      axisTokenSet: !!r.sealedAxisToken,
      axisTokenSealed: sync.vault.protection === 'os',
      viaServer: !!sync.client(),
      maxPackageMb: Math.round(exchange.maxPackageBytes() / 1024 / 1024),
    };
  };
  const agencyRow = (id: string) => {
    const row = store.db
      .select({ id: agencies.id, name: agencies.name, organId: agencies.organId })
      .from(agencies)
      .where(eq(agencies.id, id))
      .get();
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cơ quan.');
    return row;
  };
  return defineSlice({
    'exchange.settings': () => settings(),
    'exchange.setOrganId': (input, req) => {
      writeSetting(store, req.write, ORGAN_ID_SETTING, input.organId);
      return settings();
    },
    'exchange.setRoutes': (input, req) => {
      writeRoutes(store, sync.vault, input);
      mutate(store, req.write, (w) =>
        w.event('exchange.routes', { outFolder: input.outFolder, inFolder: input.inFolder, axisUrl: input.axisUrl }),
      );
      return settings();
    },
    'exchange.receivePath': async (input, req) => {
      const size = await pickedFileSize(input.path);
      const source = createReadStream(input.path);
      try {
        return await exchange.receive(
          { ...req.write, userId: userOf(req).id },
          { name: basename(input.path), source, declaredSize: size, transport: 'file' },
        );
      } finally {
        source.destroy();
      }
    },
    'exchange.list': (input) => exchange.inbox(input),
    'exchange.get': (input) => exchange.get(input.id),
    'exchange.register': (input, req) => {
      const { messageId, ...registration } = input;
      return shownRecord(
        store,
        userOf(req),
        exchange.register({ ...req.write, userId: userOf(req).id }, messageId, registration),
        'exchange.register',
      );
    },
    'exchange.refuse': (input, req) => exchange.refuse({ ...req.write, userId: userOf(req).id }, input),
    'exchange.send': (input, req) => exchange.send({ ...req.write, userId: userOf(req).id }, input),
    'exchange.recipients': (input) => exchange.recipients(input.documentId),
    'exchange.pump': async (_input, req) => {
      // "Nhận, gửi ngay" on a PC that syncs: a round first, so the server knows this office's
      // mã định danh and carries what waits; a round that cannot run leaves the other ways.
      exchange.lastPump = null;
      if (sync.client()) await sync.syncNow().catch(() => undefined);
      const first = exchange.lastPump as PumpResult | null;
      const then = await exchange.pump({ ...req.write, userId: userOf(req).id });
      if (!first) return then;
      return {
        sent: first.sent + then.sent,
        received: first.received + then.received,
        problems: [...new Set([...first.problems, ...then.problems])],
      };
    },
    'exchange.print': (input) => exchangeLogFile(store, input),
    'agencies.list': () =>
      store.db
        .select({ id: agencies.id, name: agencies.name, organId: agencies.organId })
        .from(agencies)
        .where(and(isNull(agencies.deletedAt)))
        .orderBy(asc(agencies.nameKey))
        .all(),
    'agencies.save': (input, req) => agencyRow(mutate(store, req.write, (w) => saveOrgan(w, input))),
    'agencies.importOrgans': (input, req) => imports.organs(req.write, input.uploadId),
  });
}
