-- Residents' input lands in one or more places, each dated, and has a public reference.
ALTER TABLE "resident_input" ADD COLUMN "reference" varchar;
UPDATE "resident_input" SET "reference" = 'RI-' || substr("received_on", 1, 4) || '-' || printf('%04d', "id");
CREATE UNIQUE INDEX "idx-resident_input-reference" ON "resident_input" ("reference");
CREATE TABLE "input_landing" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "resident_input_id" integer NOT NULL, "priority_id" integer NOT NULL, "action_id" integer, "linked_by" varchar NOT NULL, "linked_at" timestamp_with_timezone_text NOT NULL, "ended_at" timestamp_with_timezone_text, "end_reason" text, FOREIGN KEY ("resident_input_id") REFERENCES "resident_input" ("id"), FOREIGN KEY ("priority_id") REFERENCES "priority" ("id"), FOREIGN KEY ("action_id") REFERENCES "action" ("id"), CONSTRAINT "ck-input_landing-ended_with_reason" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL)) );
CREATE INDEX "idx-input_landing-resident_input_id" ON "input_landing" ("resident_input_id");
CREATE INDEX "idx-input_landing-priority_id" ON "input_landing" ("priority_id");
CREATE INDEX "idx-input_landing-action_id" ON "input_landing" ("action_id");
INSERT INTO "input_landing" ("resident_input_id", "priority_id", "action_id", "linked_by", "linked_at") SELECT "id", "priority_id", "action_id", 'unrecorded', "received_on" || 'T00:00:00+00:00' FROM "resident_input" WHERE "priority_id" IS NOT NULL;
