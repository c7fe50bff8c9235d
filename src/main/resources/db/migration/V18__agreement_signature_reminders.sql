-- Reminders for an agreement the structure has not signed (issue 16): how many e-mails its legal
-- representative received, the last one, and since when the instructors see it overdue (after the last
-- reminder went unanswered for one more period). One row per agreement, written by the BPMN timer's delegate.
CREATE TABLE agreement_signature_reminder (
  agreement_id BIGINT PRIMARY KEY,
  reminders_sent INT NOT NULL,
  last_reminded_at DATETIME(6) NULL,
  overdue_since DATETIME(6) NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_agreement_signature_reminder_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);
