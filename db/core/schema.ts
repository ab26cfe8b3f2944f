// The local store's schema (drizzle-kit reads it from here). Every synced table has a UUIDv7 text
// id, the HLC of its last change and a tombstone (deleted_at) instead of DELETE. Column names are
// what the outbox and sync carry.
export * from './registerTables.js';
export * from './storeTables.js';
export * from './dossierTables.js';
export * from './exchangeTables.js';
export * from './accessTables.js';
export * from './searchTables.js';
