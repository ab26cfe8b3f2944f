// What every synced table carries: the HLC of its last change, when it was made and changed,
// and a tombstone (deleted_at) instead of DELETE.
import { text } from 'drizzle-orm/sqlite-core';

export const synced = {
  hlc: text('hlc').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
};
