CREATE TABLE "exchange_relay" (
	"id" text PRIMARY KEY NOT NULL,
	"from_unit_id" text NOT NULL,
	"from_organ_id" text NOT NULL,
	"to_unit_id" text NOT NULL,
	"to_organ_id" text NOT NULL,
	"kind" text NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "exchange_relay_inbox" ON "exchange_relay" USING btree ("to_unit_id","taken_at","created_at");