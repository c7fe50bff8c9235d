-- The agreement's PAdES signatures (issue 16): when the structure's legal representative signs, the PDF
-- is written once (original_pdf, kept unsigned) and sealed (signed_pdf); the Département's countersignature
-- adds a second signature to signed_pdf by an incremental update, so both stay valid.
CREATE TABLE agreement_pdf (
  agreement_id BIGINT PRIMARY KEY,
  original_pdf MEDIUMBLOB NOT NULL,
  signed_pdf MEDIUMBLOB NOT NULL,
  signatures INT NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_agreement_pdf_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);
