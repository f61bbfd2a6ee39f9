-- A request whose answer deadline passed is announced once, whichever instance sees it first.
CREATE TABLE "deadline_notice" ( "commitment_id" integer NOT NULL PRIMARY KEY, "announced_at" timestamp_with_timezone_text NOT NULL, FOREIGN KEY ("commitment_id") REFERENCES "commitment" ("id") );
