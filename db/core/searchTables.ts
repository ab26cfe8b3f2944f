// Saved searches (Appendix VI, 6e): a user's named query — text, kinds, year, book, register
// dates — synced so it follows him to any PC of the office. The query is stored as JSON and read
// back through the contract's schema: a row from another PC is not trusted.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { synced } from './syncedColumns.js';

export const savedSearches = sqliteTable(
  'saved_searches',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    ...synced,
  },
  (t) => [index('saved_searches_user').on(t.userId)],
);
