-- Extensions Tekizai relies on. Both ship with PostgreSQL's contrib and with PGlite.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
