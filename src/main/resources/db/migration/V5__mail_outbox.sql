-- The e-mail outbox: a message is written in the transaction of the action that causes it, then
-- sent after commit and retried until SMTP accepts it (fr.agir.mail). Nothing is deleted: a
-- message that exhausted its attempts stays here as FAILED, with its last error.
CREATE TABLE mail_message (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  recipients VARCHAR(2000) NOT NULL,
  subject VARCHAR(300) NOT NULL,
  body TEXT NOT NULL,
  status VARCHAR(10) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DATETIME(6) NOT NULL,
  last_error VARCHAR(1000),
  created_at DATETIME(6) NOT NULL,
  sent_at DATETIME(6)
);
CREATE INDEX ix_mail_status_next ON mail_message (status, next_attempt_at);

CREATE TABLE mail_attachment (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  message_id BIGINT NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  content LONGBLOB NOT NULL,
  CONSTRAINT fk_mail_attachment_message FOREIGN KEY (message_id) REFERENCES mail_message (id)
);
CREATE INDEX ix_mail_attachment_message ON mail_attachment (message_id);

-- Requests to join an existing structure, mailed to its legal representative: at most one per
-- person, structure and day, so the address cannot be flooded through Agir.
CREATE TABLE structure_join_request (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  structure_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  request_day DATE NOT NULL,
  message VARCHAR(1000),
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_join_request_day UNIQUE (structure_id, username, request_day),
  CONSTRAINT fk_join_request_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
