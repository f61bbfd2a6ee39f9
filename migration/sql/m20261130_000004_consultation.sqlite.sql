-- Consultation with the clusters: proposed and dropped actions, the lead cluster's latest
-- position, the history of positions, and the gaps accepted at adoption. (SQLite cannot
-- add a table constraint to an existing table: the action's dropped-with-reason rule is a
-- pair of triggers here.)
ALTER TABLE "action" ADD COLUMN "proposed_by_cluster_id" integer REFERENCES "cluster" ("id");
ALTER TABLE "action" ADD COLUMN "lead_position" varchar(32) CHECK ("lead_position" IN ('SUPPORT', 'SUPPORT_WITH_RESERVATION', 'OBJECT'));
ALTER TABLE "action" ADD COLUMN "dropped_at" timestamp_with_timezone_text;
ALTER TABLE "action" ADD COLUMN "drop_reason" text;
CREATE TRIGGER "ck-action-dropped_with_reason-insert" BEFORE INSERT ON "action" WHEN ((NEW."dropped_at" IS NULL) <> (NEW."drop_reason" IS NULL)) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck-action-dropped_with_reason'); END;
CREATE TRIGGER "ck-action-dropped_with_reason-update" BEFORE UPDATE ON "action" WHEN ((NEW."dropped_at" IS NULL) <> (NEW."drop_reason" IS NULL)) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: ck-action-dropped_with_reason'); END;
CREATE TABLE "action_position" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "action_id" integer NOT NULL, "cluster_id" integer NOT NULL, "position" varchar(32) NOT NULL, "reason" text, "taken_by" varchar NOT NULL, "taken_at" timestamp_with_timezone_text NOT NULL, FOREIGN KEY ("action_id") REFERENCES "action" ("id"), FOREIGN KEY ("cluster_id") REFERENCES "cluster" ("id"), CONSTRAINT "ck-action_position-position" CHECK ("position" IN ('SUPPORT', 'SUPPORT_WITH_RESERVATION', 'OBJECT')), CONSTRAINT "ck-action_position-reason" CHECK ("position" = 'SUPPORT' OR "reason" IS NOT NULL) );
CREATE INDEX "idx-action_position-action_id" ON "action_position" ("action_id");
CREATE INDEX "idx-action_position-cluster_id" ON "action_position" ("cluster_id");
CREATE TABLE "adoption_waiver" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "plan_id" integer NOT NULL, "item_id" varchar NOT NULL, "gap" varchar NOT NULL, "reason" text NOT NULL, "waived_by" varchar NOT NULL, "waived_at" timestamp_with_timezone_text NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") );
CREATE INDEX "idx-adoption_waiver-plan_id" ON "adoption_waiver" ("plan_id");
CREATE UNIQUE INDEX "uq-adoption_waiver-gap" ON "adoption_waiver" ("plan_id", "item_id", "gap", "waived_at");
