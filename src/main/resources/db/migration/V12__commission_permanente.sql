-- The Commission permanente (see docs/ARCHITECTURE.md, "Commission permanente"): its sittings, the
-- report each votes (one line per application, the jury's proposal kept beside the DIEESS's
-- adjustment and the voted outcome), the elected members with their declared links to structures,
-- and who stepped aside (déport) on which line. Amounts: DECIMAL(15,2), one column per year (a
-- grant lasts one or two years, as in jury_session_application).
CREATE TABLE cp_sitting (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  sitting_number VARCHAR(40) NOT NULL,
  sitting_date DATE NOT NULL,
  status VARCHAR(20) NOT NULL,
  deliberation_number VARCHAR(40),
  deliberation_date DATE,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  report_sent_by VARCHAR(100),
  report_sent_at DATETIME(6),
  voted_by VARCHAR(100),
  voted_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_cp_sitting_number UNIQUE (sitting_number),
  CONSTRAINT uk_cp_sitting_deliberation UNIQUE (deliberation_number),
  CONSTRAINT fk_cp_sitting_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);
CREATE INDEX ix_cp_sitting_campaign ON cp_sitting (campaign_id, status);

CREATE TABLE cp_report_line (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  sitting_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  nature VARCHAR(20) NOT NULL,
  jury_verdict VARCHAR(20) NOT NULL,
  proposed_duration INT NOT NULL,
  proposed_year1 DECIMAL(15,2),
  proposed_year2 DECIMAL(15,2),
  adjusted_duration INT,
  adjusted_year1 DECIMAL(15,2),
  adjusted_year2 DECIMAL(15,2),
  adjustment_reason VARCHAR(1000),
  adjusted_by VARCHAR(100),
  adjusted_at DATETIME(6),
  outcome VARCHAR(20),
  voted_duration INT,
  voted_year1 DECIMAL(15,2),
  voted_year2 DECIMAL(15,2),
  motivation VARCHAR(2000),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_cp_report_line UNIQUE (sitting_id, application_id),
  CONSTRAINT fk_cp_line_sitting FOREIGN KEY (sitting_id) REFERENCES cp_sitting (id),
  CONSTRAINT fk_cp_line_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_cp_report_line_application ON cp_report_line (application_id);

CREATE TABLE elected_member (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  full_name VARCHAR(200) NOT NULL,
  active BOOLEAN NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL
);

CREATE TABLE elected_member_link (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  structure_id BIGINT NOT NULL,
  kind VARCHAR(20) NOT NULL,
  description VARCHAR(500),
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_elected_member_link UNIQUE (member_id, structure_id, kind),
  CONSTRAINT fk_link_member FOREIGN KEY (member_id) REFERENCES elected_member (id),
  CONSTRAINT fk_link_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_elected_member_link_structure ON elected_member_link (structure_id);

-- Who stepped aside on which line, as the recorded vote says.
CREATE TABLE cp_recusal (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  line_id BIGINT NOT NULL,
  member_id BIGINT NOT NULL,
  CONSTRAINT uk_cp_recusal UNIQUE (line_id, member_id),
  CONSTRAINT fk_recusal_line FOREIGN KEY (line_id) REFERENCES cp_report_line (id),
  CONSTRAINT fk_recusal_member FOREIGN KEY (member_id) REFERENCES elected_member (id)
);

-- A rejection carries its motivation (the letter quotes it); a decision voted in a sitting names it.
ALTER TABLE decision ADD COLUMN motivation VARCHAR(2000);
ALTER TABLE decision ADD COLUMN sitting_id BIGINT;
ALTER TABLE decision ADD CONSTRAINT fk_decision_sitting FOREIGN KEY (sitting_id) REFERENCES cp_sitting (id);
