-- The financial report's content (Cerfa 15059*02, issue 18): the qualitative part and the annex on the report row,
-- one line per budget account of the grant year (forecast copied from the application, actual, explanation),
-- the draft the portal autosaves, the PDF/A produced at each submission, the pieces linked from the structure's
-- vault, and every submission / return / decision kept with who, when and the comments. The old totals
-- (actual_charges, actual_products, spent_grant) stay: they are computed from the lines at submission.
ALTER TABLE report ADD COLUMN actions_done TEXT;
ALTER TABLE report ADD COLUMN public_reached INT;
ALTER TABLE report ADD COLUMN dates_places TEXT;
ALTER TABLE report ADD COLUMN indicators TEXT;
ALTER TABLE report ADD COLUMN grant_use TEXT;
ALTER TABLE report ADD COLUMN unspent_amount DECIMAL(15,2);
ALTER TABLE report ADD COLUMN draft_data TEXT;
ALTER TABLE report ADD COLUMN draft_updated_at DATETIME(6);
ALTER TABLE report ADD COLUMN report_pdf LONGBLOB;

CREATE TABLE report_line (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT NOT NULL,
  code VARCHAR(30) NOT NULL,
  forecast DECIMAL(15,2) NOT NULL,
  actual DECIMAL(15,2) NOT NULL,
  explanation VARCHAR(2000),
  CONSTRAINT uk_report_line UNIQUE (report_id, code),
  CONSTRAINT fk_report_line_report FOREIGN KEY (report_id) REFERENCES report (id)
);

CREATE TABLE report_event (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  occurred_at DATETIME(6) NOT NULL,
  comment VARCHAR(2000),
  amount DECIMAL(15,2),
  CONSTRAINT fk_report_event_report FOREIGN KEY (report_id) REFERENCES report (id)
);
CREATE INDEX ix_report_event_report ON report_event (report_id, occurred_at);

CREATE TABLE report_document (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT NOT NULL,
  document_id BIGINT NOT NULL,
  linked_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_report_document UNIQUE (report_id, document_id),
  CONSTRAINT fk_repdoc_report FOREIGN KEY (report_id) REFERENCES report (id),
  CONSTRAINT fk_repdoc_document FOREIGN KEY (document_id) REFERENCES structure_document (id)
);
