CREATE TABLE "recent_lookups" (
	"staff_id" uuid NOT NULL,
	"profile_id" text NOT NULL,
	"customer_user_id" text,
	"looked_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recent_lookups_staff_id_profile_id_pk" PRIMARY KEY("staff_id","profile_id")
);
--> statement-breakpoint
ALTER TABLE "recent_lookups" ADD CONSTRAINT "recent_lookups_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recent_lookups_staff_time" ON "recent_lookups" USING btree ("staff_id","looked_up_at");