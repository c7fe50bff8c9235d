-- Avenants to a countersigned agreement (issue 16): drafted by the instructor within the voted amount,
-- signed by the structure's legal representative, countersigned by the Département's signatory (PAdES,
-- like agreement_pdf), then in force: the installments not yet liquidated follow its amounts per year.
CREATE TABLE agreement_amendment (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  agreement_id BIGINT NOT NULL,
  amendment_rank INT NOT NULL,
  amendment_number VARCHAR(50) NOT NULL,
  status VARCHAR(20) NOT NULL,
  duration_years INT NOT NULL,
  total_amount DECIMAL(15,2) NOT NULL,
  object_text VARCHAR(2000) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  bank_details_changed BOOLEAN NOT NULL DEFAULT FALSE,
  iban VARCHAR(34),
  drafted_by VARCHAR(100) NOT NULL,
  drafted_at DATETIME(6) NOT NULL,
  submitted_at DATETIME(6),
  signed_by VARCHAR(100),
  signed_at DATETIME(6),
  countersigned_by VARCHAR(100),
  countersigned_at DATETIME(6),
  original_pdf MEDIUMBLOB,
  signed_pdf MEDIUMBLOB,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_amendment_rank UNIQUE (agreement_id, amendment_rank),
  CONSTRAINT uk_amendment_number UNIQUE (amendment_number),
  CONSTRAINT fk_amendment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);
CREATE INDEX ix_amendment_status ON agreement_amendment (status);

-- The avenant's amount for each grant year.
CREATE TABLE agreement_amendment_year (
  amendment_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  PRIMARY KEY (amendment_id, grant_year),
  CONSTRAINT fk_amendment_year FOREIGN KEY (amendment_id) REFERENCES agreement_amendment (id)
);
