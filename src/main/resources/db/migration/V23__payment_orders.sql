-- Payment orders for the finance software (issue 17). A validated installment waits for an export; an
-- export groups the waiting installments per budget (year and part) into a numbered bordereau (numbering
-- per budget year, gap-free: number_sequence rows 'bordereau-<year>' and 'piece-<year>', created on first
-- use); each payment order keeps the payee as it was at export time. The finance software's return file
-- gives each order its mandate number and payment date; the installment is then PAID.
CREATE TABLE bordereau (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  budget_year INT NOT NULL,
  bordereau_number INT NOT NULL,
  issued_on DATE NOT NULL,
  budget_part VARCHAR(20) NOT NULL,
  order_count INT NOT NULL,
  total_amount DECIMAL(15,2) NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  file_name VARCHAR(100) NOT NULL,
  csv_content LONGBLOB NOT NULL,
  CONSTRAINT uk_bordereau_number UNIQUE (budget_year, bordereau_number)
);

CREATE TABLE payment_order (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  bordereau_id BIGINT NOT NULL,
  piece_number INT NOT NULL,
  installment_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  payee_name VARCHAR(200) NOT NULL,
  payee_siret CHAR(14),
  payee_rna CHAR(10),
  payee_address VARCHAR(400),
  iban VARCHAR(34),
  bic VARCHAR(11),
  object VARCHAR(160) NOT NULL,
  agreement_number VARCHAR(40),
  deliberation_reference VARCHAR(80),
  installment_kind VARCHAR(20) NOT NULL,
  imputation_chapter VARCHAR(10) NOT NULL,
  imputation_article VARCHAR(12) NOT NULL,
  imputation_function VARCHAR(10) NOT NULL,
  mandate_number VARCHAR(40),
  payment_date DATE,
  returned_at DATETIME(6),
  CONSTRAINT uk_payment_order_piece UNIQUE (piece_number),
  CONSTRAINT uk_payment_order_installment UNIQUE (installment_id),
  CONSTRAINT fk_payment_order_bordereau FOREIGN KEY (bordereau_id) REFERENCES bordereau (id),
  CONSTRAINT fk_payment_order_installment FOREIGN KEY (installment_id) REFERENCES installment (id)
);
CREATE INDEX ix_payment_order_bordereau ON payment_order (bordereau_id, piece_number);

-- Each return file imported (a log: idempotence is per line, an order already paid with the same mandate is "déjà appliquée").
CREATE TABLE payment_return (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  sha256 CHAR(64) NOT NULL,
  file_name VARCHAR(200) NOT NULL,
  imported_by VARCHAR(100) NOT NULL,
  imported_at DATETIME(6) NOT NULL,
  applied_lines INT NOT NULL,
  rejected_lines INT NOT NULL,
  already_applied_lines INT NOT NULL,
  rejected_detail TEXT
);

-- The mutex of exports: two officers generating at the same moment run one after the other.
INSERT INTO number_sequence (name, next_value) VALUES ('bordereau-export', 1);
