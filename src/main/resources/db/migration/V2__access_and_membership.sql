-- Refused accesses are audited too; they concern a request, not always a record.
ALTER TABLE audit_event MODIFY entity_id BIGINT NULL;
CREATE INDEX ix_audit_action ON audit_event (action);

-- A structure's legal representative invites people to join its case file. Only the code's
-- SHA-256 is kept: the code itself is shown once to the legal representative.
CREATE TABLE structure_invitation (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  structure_id BIGINT NOT NULL,
  email VARCHAR(254) NOT NULL,
  code_sha256 CHAR(64) NOT NULL,
  invited_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  accepted_by VARCHAR(100),
  accepted_at DATETIME(6),
  revoked_at DATETIME(6),
  CONSTRAINT uk_invitation_code UNIQUE (code_sha256),
  CONSTRAINT fk_invitation_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_invitation_structure ON structure_invitation (structure_id);
