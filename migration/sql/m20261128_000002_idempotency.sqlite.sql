-- Frozen statements of a migration on sqlite: never edit; change the schema in a new migration.
CREATE TABLE "idempotency_key" ( "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "subject" varchar NOT NULL, "key" varchar NOT NULL, "operation" varchar NOT NULL, "fingerprint" text NOT NULL, "entity_id" integer NOT NULL, "created_at" timestamp_with_timezone_text NOT NULL );
CREATE UNIQUE INDEX "idx-idempotency_key-key" ON "idempotency_key" ("subject", "key");
