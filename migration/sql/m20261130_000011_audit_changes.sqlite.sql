-- `updatedSince` filters find a kind of row's changes since a moment in the audit trail.
CREATE INDEX "idx-audit_event-entity-occurred_at" ON "audit_event" ("entity", "occurred_at", "entity_id");
