-- Recovery orders (titres de recettes, issue 17): raised by a report review, by a withdrawal after payments or
-- by a finance officer; numbered TR-<year>-000001 per budget year without gaps (number_sequence row
-- 'recovery-order-<year>', created on first use); the debtor is kept as it was when the order was raised.
-- Exported in numbered batches (number_sequence 'recovery-batch-<year>'), whose CSV is kept as sent.
CREATE TABLE recovery_batch (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  budget_year INT NOT NULL,
  batch_number INT NOT NULL,
  issued_on DATE NOT NULL,
  order_count INT NOT NULL,
  total_amount DECIMAL(15,2) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  file_name VARCHAR(100) NOT NULL,
  csv_content LONGBLOB NOT NULL,
  CONSTRAINT uk_recovery_batch_number UNIQUE (budget_year, batch_number)
);

CREATE TABLE recovery_order (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  order_number VARCHAR(20) NOT NULL,
  budget_year INT NOT NULL,
  application_id BIGINT NOT NULL,
  structure_id BIGINT NOT NULL,
  debtor_name VARCHAR(200) NOT NULL,
  debtor_siret CHAR(14),
  debtor_rna CHAR(10),
  debtor_address VARCHAR(400),
  legal_rep_email VARCHAR(254),
  amount DECIMAL(15,2) NOT NULL,
  reason VARCHAR(1000) NOT NULL,
  origin VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  batch_id BIGINT,
  recovered_on DATE,
  recovered_amount DECIMAL(15,2) NOT NULL DEFAULT 0,
  cancel_reason VARCHAR(1000),
  letter_pdf LONGBLOB,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_recovery_order_number UNIQUE (order_number),
  CONSTRAINT fk_recovery_order_application FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_recovery_order_batch FOREIGN KEY (batch_id) REFERENCES recovery_batch (id)
);
CREATE INDEX ix_recovery_order_status ON recovery_order (status, id);
CREATE INDEX ix_recovery_order_application ON recovery_order (application_id);

-- The mutex of exports: two officers generating at the same moment run one after the other.
INSERT INTO number_sequence (name, next_value) VALUES ('recovery-export', 1);
