-- The document vault of a structure's case file: one row per version of a piece; the bytes are in
-- the document storage (see DocumentStorage) under a generated key. Runs on MariaDB and on H2 in
-- MariaDB mode.
CREATE TABLE structure_document (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  structure_id BIGINT NOT NULL,
  type VARCHAR(40) NOT NULL,
  version INT NOT NULL,
  original_name VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 CHAR(64) NOT NULL,
  storage_key VARCHAR(100) NOT NULL,
  valid_until DATE,
  uploaded_by VARCHAR(100) NOT NULL,
  uploaded_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_document_version UNIQUE (structure_id, type, version),
  CONSTRAINT uk_document_storage_key UNIQUE (storage_key),
  CONSTRAINT fk_document_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_document_structure_type ON structure_document (structure_id, type);
