-- Agir business tables. Camunda's own tables (ACT_*) are created by the engine.
-- Money: DECIMAL(15,2). Written to run on MariaDB and on H2 in MariaDB mode.

CREATE TABLE structure (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  legal_form VARCHAR(30) NOT NULL,
  siret CHAR(14),
  siren CHAR(9),
  rna CHAR(10),
  address_line VARCHAR(300),
  postal_code CHAR(5),
  commune VARCHAR(100),
  legal_rep_name VARCHAR(200) NOT NULL,
  legal_rep_email VARCHAR(200) NOT NULL,
  iban VARCHAR(34),
  bic VARCHAR(11),
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_structure_siret UNIQUE (siret),
  CONSTRAINT uk_structure_rna UNIQUE (rna)
);

CREATE TABLE structure_member (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  structure_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  member_role VARCHAR(30) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_structure_member UNIQUE (structure_id, username),
  CONSTRAINT fk_member_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_structure_member_username ON structure_member (username);

CREATE TABLE campaign (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL,
  name VARCHAR(200) NOT NULL,
  opening_date DATE NOT NULL,
  closing_date DATE NOT NULL,
  status VARCHAR(20) NOT NULL,
  envelope_operating DECIMAL(15,2) NOT NULL,
  envelope_investment DECIMAL(15,2) NOT NULL,
  max_duration_years INT NOT NULL,
  thematics VARCHAR(500) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_campaign_code UNIQUE (code)
);

CREATE TABLE application (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  reference VARCHAR(40) NOT NULL,
  campaign_id BIGINT NOT NULL,
  structure_id BIGINT NOT NULL,
  title VARCHAR(200),
  description VARCHAR(4000),
  thematic VARCHAR(40),
  target_public VARCHAR(40),
  territory VARCHAR(200),
  duration_years INT NOT NULL,
  status VARCHAR(30) NOT NULL,
  status_reason VARCHAR(1000),
  missing_pieces VARCHAR(2000),
  synthesis VARCHAR(4000),
  submitted_at DATETIME(6),
  submitted_by VARCHAR(100),
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_application_reference UNIQUE (reference),
  CONSTRAINT fk_application_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT fk_application_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_application_structure ON application (structure_id);
CREATE INDEX ix_application_campaign_status ON application (campaign_id, status);

CREATE TABLE budget_line (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  code VARCHAR(30) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  CONSTRAINT uk_budget_line UNIQUE (application_id, grant_year, code),
  CONSTRAINT fk_budget_line_application FOREIGN KEY (application_id) REFERENCES application (id)
);

-- One amount per application, year and kind: REQUESTED, PROPOSED (synthesis), JURY, GRANTED.
CREATE TABLE application_amount (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  CONSTRAINT uk_application_amount UNIQUE (application_id, grant_year, kind),
  CONSTRAINT fk_amount_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE opinion (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  directorate VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  verdict VARCHAR(20),
  opinion_comment VARCHAR(2000),
  suggested_amount DECIMAL(15,2),
  requested_at DATETIME(6) NOT NULL,
  due_date DATE NOT NULL,
  given_by VARCHAR(100),
  given_at DATETIME(6),
  CONSTRAINT uk_opinion UNIQUE (application_id, directorate),
  CONSTRAINT fk_opinion_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE jury_result (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  verdict VARCHAR(20) NOT NULL,
  duration_years INT NOT NULL,
  jury_comment VARCHAR(2000),
  recorded_by VARCHAR(100) NOT NULL,
  recorded_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_jury_result UNIQUE (application_id),
  CONSTRAINT fk_jury_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE decision (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  outcome VARCHAR(20) NOT NULL,
  deliberation_number VARCHAR(40) NOT NULL,
  deliberation_date DATE NOT NULL,
  duration_years INT NOT NULL,
  recorded_by VARCHAR(100) NOT NULL,
  recorded_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_decision UNIQUE (application_id),
  CONSTRAINT fk_decision_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE agreement (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  agreement_number VARCHAR(40) NOT NULL,
  status VARCHAR(20) NOT NULL,
  duration_years INT NOT NULL,
  first_year INT NOT NULL,
  total_amount DECIMAL(15,2) NOT NULL,
  generated_at DATETIME(6) NOT NULL,
  signed_by VARCHAR(100),
  signed_at DATETIME(6),
  countersigned_by VARCHAR(100),
  countersigned_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_agreement_application UNIQUE (application_id),
  CONSTRAINT uk_agreement_number UNIQUE (agreement_number),
  CONSTRAINT fk_agreement_application FOREIGN KEY (application_id) REFERENCES application (id)
);

CREATE TABLE installment (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  agreement_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  status VARCHAR(20) NOT NULL,
  prepared_by VARCHAR(100),
  prepared_at DATETIME(6),
  validated_by VARCHAR(100),
  validated_at DATETIME(6),
  return_reason VARCHAR(1000),
  payment_order_number VARCHAR(40),
  paid_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_installment UNIQUE (agreement_id, grant_year, kind),
  CONSTRAINT fk_installment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);
CREATE INDEX ix_installment_status ON installment (status);

CREATE TABLE report (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  agreement_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  status VARCHAR(20) NOT NULL,
  due_date DATE NOT NULL,
  overdue BOOLEAN NOT NULL DEFAULT FALSE,
  actual_charges DECIMAL(15,2),
  actual_products DECIMAL(15,2),
  spent_grant DECIMAL(15,2),
  qualitative_report VARCHAR(4000),
  submitted_by VARCHAR(100),
  submitted_at DATETIME(6),
  reviewed_by VARCHAR(100),
  reviewed_at DATETIME(6),
  review_reason VARCHAR(1000),
  recovery_amount DECIMAL(15,2),
  recovery_order_number VARCHAR(40),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_report UNIQUE (agreement_id, grant_year),
  CONSTRAINT fk_report_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id)
);

CREATE TABLE audit_event (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at DATETIME(6) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  entity_type VARCHAR(30) NOT NULL,
  entity_id BIGINT NOT NULL,
  application_id BIGINT,
  action VARCHAR(60) NOT NULL,
  from_state VARCHAR(30),
  to_state VARCHAR(30),
  reason VARCHAR(1000)
);
CREATE INDEX ix_audit_entity ON audit_event (entity_type, entity_id);
CREATE INDEX ix_audit_application ON audit_event (application_id);

-- Human-readable numbers (references, agreement and payment order numbers).
CREATE TABLE number_sequence (
  name VARCHAR(40) PRIMARY KEY,
  next_value BIGINT NOT NULL
);
INSERT INTO number_sequence (name, next_value) VALUES ('application', 1);
INSERT INTO number_sequence (name, next_value) VALUES ('agreement', 1);
INSERT INTO number_sequence (name, next_value) VALUES ('payment-order', 1);
INSERT INTO number_sequence (name, next_value) VALUES ('recovery-order', 1);
