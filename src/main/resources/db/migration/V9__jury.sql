-- The jury (issue 6): scoring grids per campaign, sessions, conflicts of interest, assignments,
-- scores and the deliberation's proposals. The result of a closed session goes to jury_result (V1).

-- A campaign's scoring grid, versioned: a version is frozen when a session opens scoring with it,
-- and a change after that makes a new version.
CREATE TABLE scoring_grid (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  grid_version INT NOT NULL,
  frozen_at DATETIME(6),
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_scoring_grid UNIQUE (campaign_id, grid_version),
  CONSTRAINT fk_grid_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

-- anchors: one label per point of the scale, lowest first, separated by a line feed.
-- eliminatory_below: the application is out when its mean on this criterion is below it.
CREATE TABLE grid_criterion (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  grid_id BIGINT NOT NULL,
  position INT NOT NULL,
  label VARCHAR(200) NOT NULL,
  description VARCHAR(2000),
  scale_min INT NOT NULL,
  scale_max INT NOT NULL,
  anchors VARCHAR(2000),
  weight DECIMAL(7,2) NOT NULL,
  required BOOLEAN NOT NULL,
  eliminatory_below DECIMAL(7,2),
  CONSTRAINT fk_criterion_grid FOREIGN KEY (grid_id) REFERENCES scoring_grid (id)
);
CREATE INDEX ix_criterion_grid ON grid_criterion (grid_id, position);

CREATE TABLE jury_session (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  grid_id BIGINT,
  name VARCHAR(200) NOT NULL,
  scoring_opens DATE NOT NULL,
  scoring_closes DATE NOT NULL,
  deliberation_date DATE NOT NULL,
  phase VARCHAR(20) NOT NULL,
  jurors_per_application INT NOT NULL,
  prefer_thematics BOOLEAN NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  closed_by VARCHAR(100),
  closed_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_session_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
  CONSTRAINT fk_session_grid FOREIGN KEY (grid_id) REFERENCES scoring_grid (id)
);

CREATE TABLE jury_session_member (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  session_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  display_name VARCHAR(200) NOT NULL,
  email VARCHAR(254),
  thematics VARCHAR(500) NOT NULL,
  CONSTRAINT uk_session_member UNIQUE (session_id, username),
  CONSTRAINT fk_member_session FOREIGN KEY (session_id) REFERENCES jury_session (id)
);
CREATE INDEX ix_session_member_username ON jury_session_member (username);

-- An application taken by a session, with the deliberation's proposal.
CREATE TABLE jury_session_application (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  session_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  verdict VARCHAR(20),
  duration_years INT,
  amount_year1 DECIMAL(15,2),
  amount_year2 DECIMAL(15,2),
  nature VARCHAR(20) NOT NULL,
  jury_comment VARCHAR(2000),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_session_application UNIQUE (session_id, application_id),
  CONSTRAINT fk_session_application_session FOREIGN KEY (session_id) REFERENCES jury_session (id),
  CONSTRAINT fk_session_application_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_session_application_application ON jury_session_application (application_id);

CREATE TABLE jury_assignment (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  session_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  manual BOOLEAN NOT NULL,
  assigned_by VARCHAR(100) NOT NULL,
  assigned_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_jury_assignment UNIQUE (session_id, application_id, username),
  CONSTRAINT fk_assignment_session FOREIGN KEY (session_id) REFERENCES jury_session (id)
);
CREATE INDEX ix_assignment_username ON jury_assignment (username, session_id);

-- A member's mandates (boards, employment, volunteering) declared once, used to suggest conflicts.
CREATE TABLE jury_mandate (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(100) NOT NULL,
  organisation VARCHAR(200) NOT NULL,
  siren VARCHAR(9),
  rna VARCHAR(10),
  mandate_role VARCHAR(200) NOT NULL,
  created_at DATETIME(6) NOT NULL
);
CREATE INDEX ix_mandate_username ON jury_mandate (username);

-- A conflict of interest between a member and a structure, for every session. status: SUGGESTED
-- (by Agir), DECLARED (by the member), CONFIRMED (by an admin), DISMISSED (withdrawn or overridden).
-- Every status but DISMISSED keeps the member away from the structure's applications.
CREATE TABLE jury_conflict (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(100) NOT NULL,
  structure_id BIGINT NOT NULL,
  conflict_type VARCHAR(20) NOT NULL,
  conflict_comment VARCHAR(1000),
  status VARCHAR(20) NOT NULL,
  pinned BOOLEAN NOT NULL,
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  decided_by VARCHAR(100),
  decided_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_jury_conflict UNIQUE (username, structure_id),
  CONSTRAINT fk_conflict_structure FOREIGN KEY (structure_id) REFERENCES structure (id)
);
CREATE INDEX ix_conflict_structure ON jury_conflict (structure_id);

-- One member's score of one application in one session: a draft until submitted, then final.
CREATE TABLE jury_score (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  session_id BIGINT NOT NULL,
  application_id BIGINT NOT NULL,
  username VARCHAR(100) NOT NULL,
  status VARCHAR(20) NOT NULL,
  weighted DECIMAL(6,2),
  score_comment VARCHAR(4000),
  updated_at DATETIME(6) NOT NULL,
  submitted_at DATETIME(6),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_jury_score UNIQUE (session_id, application_id, username),
  CONSTRAINT fk_score_session FOREIGN KEY (session_id) REFERENCES jury_session (id)
);

CREATE TABLE jury_score_line (
  score_id BIGINT NOT NULL,
  criterion_id BIGINT NOT NULL,
  score_value INT NOT NULL,
  PRIMARY KEY (score_id, criterion_id),
  CONSTRAINT fk_score_line_score FOREIGN KEY (score_id) REFERENCES jury_score (id),
  CONSTRAINT fk_score_line_criterion FOREIGN KEY (criterion_id) REFERENCES grid_criterion (id)
);
