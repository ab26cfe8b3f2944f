CREATE TABLE "changes" (
	"unit_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"change_id" text NOT NULL,
	"device_id" text NOT NULL,
	"hlc" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"fields" json NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "changes_unit_id_seq_pk" PRIMARY KEY("unit_id","seq")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "doc_numbers" (
	"unit_id" text NOT NULL,
	"document_id" text NOT NULL,
	"book_id" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"clash" boolean DEFAULT false NOT NULL,
	"flagged_at" timestamp with time zone,
	CONSTRAINT "doc_numbers_unit_id_document_id_pk" PRIMARY KEY("unit_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "enroll_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"device_id" text
);
--> statement-breakpoint
CREATE TABLE "file_chunks" (
	"key" text NOT NULL,
	"idx" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunks_key_idx_pk" PRIMARY KEY("key","idx")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rows" (
	"unit_id" text NOT NULL,
	"table_name" text NOT NULL,
	"row_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"base" text NOT NULL,
	"clocks" jsonb NOT NULL,
	"hlc" text NOT NULL,
	CONSTRAINT "rows_unit_id_table_name_row_id_pk" PRIMARY KEY("unit_id","table_name","row_id")
);
--> statement-breakpoint
CREATE TABLE "server_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_files" (
	"unit_id" text NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "unit_files_unit_id_sha256_pk" PRIMARY KEY("unit_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"seq" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "changes_change_id" ON "changes" USING btree ("change_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "devices_unit" ON "devices" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "doc_numbers_unique" ON "doc_numbers" USING btree ("unit_id","book_id","year","number") WHERE NOT "doc_numbers"."clash";--> statement-breakpoint
CREATE INDEX "doc_numbers_number" ON "doc_numbers" USING btree ("unit_id","book_id","year","number");--> statement-breakpoint
CREATE INDEX "rows_row" ON "rows" USING btree ("row_id");--> statement-breakpoint
CREATE INDEX "rows_documents_date" ON "rows" USING btree ("unit_id",("data"->>'received_date')) WHERE "rows"."table_name" = 'documents';--> statement-breakpoint
CREATE INDEX "rows_tasks_document" ON "rows" USING btree ("unit_id",("data"->>'document_id')) WHERE "rows"."table_name" = 'tasks';