ALTER TABLE "units" ADD COLUMN "successor_id" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "ended_on" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "reform" text;