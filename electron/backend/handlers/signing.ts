// Signing issued documents: this PC's token library (a local value: each PC has its own driver),
// the images signatures show (who may set and see them: db/signing), and the signing itself.
import { mutate } from '../../../db/core/write.js';
import { localValue, setLocalValue } from '../../../db/core/store.js';
import { maySeeImage, maySetImage, readImage, refuseImage, writeImage } from '../../../db/signing/signingImages.js';
import { getUserRow } from '../../../db/admin/users.js';
import { checkStampImage } from '../../pdf/signing/appearance.js';
import { PKCS11_MODULE_KEY, TSA_KEY, signOutgoingFile } from '../../files/signOutgoing.js';
import { readSetting, writeSetting } from '../../../db/core/settings.js';
import { defineSlice, ok, userOf, type Services } from './types.js';

export function signingHandlers({ store, files }: Services) {
  return defineSlice({
    'signing.settings': (_input, req) => {
      const me = userOf(req);
      const seal = readImage(store, 'seal');
      return {
        pkcs11Module: localValue(store.sqlite, PKCS11_MODULE_KEY) || null,
        seal: seal?.diameterMm ? { diameterMm: seal.diameterMm } : null,
        mySignature: readImage(store, 'signature', me.id) !== null,
        tsaUrl: readSetting<string | null>(store, TSA_KEY, null) || null,
      };
    },
    'signing.setTsa': (input, req) => {
      writeSetting(store, req.write, TSA_KEY, input.tsaUrl || null);
      return ok;
    },
    'signing.setModule': (input, req) => {
      setLocalValue(store.sqlite, PKCS11_MODULE_KEY, input.pkcs11Module);
      mutate(store, req.write, (w) => w.event('signing.module', { pkcs11Module: input.pkcs11Module }, null, 'settings'));
      return ok;
    },
    'signing.setImage': (input, req) => {
      const me = userOf(req);
      const owner = input.kind === 'seal' ? '' : (input.userId ?? me.id);
      if (!maySetImage(me, input.kind, owner)) throw refuseImage(input.kind);
      if (input.kind === 'signature') getUserRow(store, owner); // NOT_FOUND for someone who is not here
      const png = new Uint8Array(Buffer.from(input.png, 'base64'));
      const size = checkStampImage(png, input.kind === 'seal' ? 'con dấu' : 'chữ ký');
      writeImage(store, req.write, input.kind, owner, {
        png: input.png,
        ...size,
        ...(input.kind === 'seal' ? { diameterMm: input.diameterMm } : {}),
      });
      return ok;
    },
    'signing.image': (input, req) => {
      const me = userOf(req);
      const owner = input.kind === 'seal' ? '' : (input.userId ?? me.id);
      if (!maySeeImage(me, input.kind, owner)) throw refuseImage(input.kind);
      return { png: readImage(store, input.kind, owner)?.png ?? null };
    },
    'outgoing.signFile': (input, req) => signOutgoingFile(store, files, req.write, userOf(req), input),
    'incoming.signStamp': (input, req) => signOutgoingFile(store, files, req.write, userOf(req), { ...input, as: 'arrival' }),
  });
}
