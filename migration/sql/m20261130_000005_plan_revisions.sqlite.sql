-- Revisions of adopted plans: each version of a plan's content, and the dispute a
-- revision settles.
CREATE TABLE "plan_revision" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "plan_id" integer NOT NULL, "number" integer NOT NULL, "reason" text, "opened_by" varchar NOT NULL, "opened_at" timestamp_with_timezone_text NOT NULL, "adopted_by" varchar, "adopted_at" timestamp_with_timezone_text, "content" text, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id"), CONSTRAINT "ck-plan_revision-adopted_with_content" CHECK (("adopted_at" IS NULL) = ("content" IS NULL)) );
CREATE INDEX "idx-plan_revision-plan_id" ON "plan_revision" ("plan_id");
CREATE UNIQUE INDEX "uq-plan_revision-number" ON "plan_revision" ("plan_id", "number");
CREATE UNIQUE INDEX "uq-plan_revision-one_open" ON "plan_revision" ("plan_id") WHERE "adopted_at" IS NULL;
ALTER TABLE "escalation" ADD COLUMN "settled_by_revision_id" integer REFERENCES "plan_revision" ("id");
CREATE INDEX "idx-escalation-settled_by_revision_id" ON "escalation" ("settled_by_revision_id");
