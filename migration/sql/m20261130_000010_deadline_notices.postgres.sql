-- A request whose answer deadline passed is announced once, whichever instance sees it first.
CREATE TABLE "deadline_notice" ( "commitment_id" integer NOT NULL PRIMARY KEY, "announced_at" timestamp with time zone NOT NULL, CONSTRAINT "fk-deadline_notice-commitment_id" FOREIGN KEY ("commitment_id") REFERENCES "commitment" ("id") );
