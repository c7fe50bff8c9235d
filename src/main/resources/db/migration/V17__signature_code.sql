-- The one-time codes sent by e-mail before a signature (issue 16): one row per code sent, for a document
-- (document_key, e.g. AGREEMENT:42 or AMENDMENT:7) and the person signed in (login). Only a salted SHA-256
-- of the code is kept. A code is spent when used_at is set (signed, or voided by a newer code), refused
-- after expires_at or once attempts reached the configured maximum.
CREATE TABLE signature_code (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  document_key VARCHAR(60) NOT NULL,
  login VARCHAR(100) NOT NULL,
  application_id BIGINT NULL,
  code_hash VARCHAR(120) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  used_at DATETIME(6) NULL,
  created_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_signature_code_document_login ON signature_code (document_key, login, id);
