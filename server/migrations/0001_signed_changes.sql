ALTER TABLE "changes" ADD COLUMN "signed_by" text;--> statement-breakpoint
ALTER TABLE "changes" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "root_key" text;