-- The commune of the seat, as its INSEE code, and the EPT it belongs to (derived, kept for lists and statistics).
ALTER TABLE structure ADD COLUMN commune_insee CHAR(5);
ALTER TABLE structure ADD COLUMN ept VARCHAR(30);

-- Messages between the structure and the DIEESS about one application, with an optional attachment
-- kept in the document storage (never in the database).
CREATE TABLE application_message (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  author VARCHAR(100) NOT NULL,
  from_applicant BOOLEAN NOT NULL,
  body VARCHAR(4000) NOT NULL,
  attachment_name VARCHAR(200),
  attachment_type VARCHAR(120),
  attachment_size BIGINT,
  attachment_sha256 CHAR(64),
  attachment_key VARCHAR(200),
  sent_at DATETIME(6) NOT NULL,
  read_at DATETIME(6),
  CONSTRAINT fk_message_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_message_application ON application_message (application_id, sent_at);
