-- The audit trail made tamper-evident (see docs/ARCHITECTURE.md, "Journal d'audit chaîné").
-- Events are inserted unsealed; the sealer (AuditChain) gives each, in id order, its place in the
-- chain, the previous event's hash and its own: SHA-256 over the previous hash and its canonical
-- content. Sealing holds the one row of audit_chain (SELECT … FOR UPDATE), so that the nodes sharing
-- the database seal one after the other while audited transactions never wait for each other.
ALTER TABLE audit_event ADD COLUMN chain_position BIGINT NULL;
ALTER TABLE audit_event ADD COLUMN previous_hash CHAR(64) NULL;
ALTER TABLE audit_event ADD COLUMN hash CHAR(64) NULL;
CREATE UNIQUE INDEX ux_audit_chain_position ON audit_event (chain_position);
CREATE INDEX ix_audit_occurred_at ON audit_event (occurred_at);

-- The chain's head: the last sealed position and its hash (64 zeros before the first event).
CREATE TABLE audit_chain (
  id INT PRIMARY KEY,
  head_position BIGINT NOT NULL,
  head_hash CHAR(64) NOT NULL,
  sealed_at DATETIME(6)
);
INSERT INTO audit_chain (id, head_position, head_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- One row per daily digest written (the node that inserts it writes the file; the others do not).
CREATE TABLE audit_digest (
  digest_day DATE PRIMARY KEY,
  head_position BIGINT NOT NULL,
  head_hash CHAR(64) NOT NULL,
  events_of_day BIGINT NOT NULL,
  written_at DATETIME(6) NOT NULL
);
