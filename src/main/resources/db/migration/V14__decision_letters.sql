-- The letters after the vote (issue 15): one letter per decision of the Commission permanente (attribution
-- or refusal; later, amendment or withdrawal by a later délibération), written once as a PDF, kept here
-- with its SHA-256, and e-mailed through the outbox. decision_id is unique: generating again for a
-- decision that has its letter does nothing, so a retried job never sends twice.
CREATE TABLE decision_letter (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  decision_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  file_name VARCHAR(200) NOT NULL,
  content MEDIUMBLOB NOT NULL,
  sha256 CHAR(64) NOT NULL,
  mail_message_id BIGINT,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_decision_letter_decision UNIQUE (decision_id),
  CONSTRAINT fk_decision_letter_application FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_decision_letter_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
  CONSTRAINT fk_decision_letter_mail FOREIGN KEY (mail_message_id) REFERENCES mail_message (id)
);
CREATE INDEX ix_decision_letter_application ON decision_letter (application_id, id);
