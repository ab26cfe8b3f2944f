// The images signatures show: each leader's handwritten signature and the office's seal, kept as
// office settings (synced: any of the office's PCs can sign), each change audited. Who may set and
// who may apply them is decided here: the signature is its owner's (or set by the admin), the
// seal is the admin's to set and the văn thư's to apply.
import { AppError } from '../../shared/api/errors.js';
import type { Role } from '../../shared/domain/enums.js';
import { readSetting } from '../core/settings.js';
import type { Store } from '../core/store.js';
import { mutate, type WriteContext } from '../core/write.js';

export interface StoredImage {
  png: string;
  width: number;
  height: number;
  diameterMm?: number;
}

export const imageKey = (kind: 'signature' | 'seal', userId?: string) => (kind === 'seal' ? 'signing.seal' : `signing.signature.${userId}`);

export function readImage(store: Store, kind: 'signature' | 'seal', userId?: string): StoredImage | null {
  const v = readSetting<StoredImage | null>(store, imageKey(kind, userId), null);
  return v && typeof v.png === 'string' ? v : null;
}

/** Who may set this image: the owner of a signature or the admin; the seal, the admin. */
export function maySetImage(actor: { id: string; roles: Role[] }, kind: 'signature' | 'seal', userId: string): boolean {
  if (actor.roles.includes('admin')) return true;
  return kind === 'signature' && userId === actor.id;
}

/** Who may see (and so apply) it: the signature its owner (and the admin to check it), the seal the văn thư and the admin. */
export function maySeeImage(actor: { id: string; roles: Role[] }, kind: 'signature' | 'seal', userId: string): boolean {
  if (actor.roles.includes('admin')) return true;
  return kind === 'signature' ? userId === actor.id : actor.roles.includes('clerk');
}

export function writeImage(store: Store, ctx: WriteContext, kind: 'signature' | 'seal', userId: string, image: StoredImage | null): void {
  // A setting's change is audited by the write path itself (who, when, before and after).
  mutate(store, ctx, (w) => w.setSetting(imageKey(kind, userId), image));
}

export function refuseImage(kind: 'signature' | 'seal'): AppError {
  return new AppError(
    'FORBIDDEN',
    kind === 'seal'
      ? 'Chỉ quản trị đặt ảnh con dấu; chỉ văn thư dùng con dấu khi ký số của cơ quan.'
      : 'Ảnh chữ ký chỉ do chính người ký (hoặc quản trị) đặt và chỉ người đó dùng.',
  );
}
