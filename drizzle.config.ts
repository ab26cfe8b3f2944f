import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/core/schema.ts',
  out: './db/migrations',
  tablesFilter: ['!documents_fts*'],
});
