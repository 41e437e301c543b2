-- DropIndex
DROP INDEX "Interaction_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEntry_entity_entityId_idx";

