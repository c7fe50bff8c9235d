-- A decision of the Commission permanente may be revised by a later délibération (issue 15):
-- the earlier decision stays, superseded; the new one names the decision it revises. Exactly one
-- current decision per application: current_application_id is the application while the decision
-- is current, NULL once superseded, and is unique.
ALTER TABLE decision ADD COLUMN revises_id BIGINT;
ALTER TABLE decision ADD CONSTRAINT fk_decision_revises FOREIGN KEY (revises_id) REFERENCES decision (id);
ALTER TABLE decision ADD COLUMN superseded_at DATETIME(6);
ALTER TABLE decision ADD COLUMN current_application_id BIGINT
  AS (CASE WHEN superseded_at IS NULL THEN application_id END) PERSISTENT;
CREATE UNIQUE INDEX uk_decision_current ON decision (current_application_id);
-- The foreign key to application needs an index of its own before the old unique one goes.
CREATE INDEX ix_decision_application ON decision (application_id);
ALTER TABLE decision DROP INDEX uk_decision;

-- Each decision keeps the amounts it granted, year by year, so the history shows every délibération
-- (the application's GRANTED amounts are those of the current decision).
CREATE TABLE decision_amount (
  decision_id BIGINT NOT NULL,
  grant_year INT NOT NULL,
  amount DECIMAL(15,2) NOT NULL,
  PRIMARY KEY (decision_id, grant_year),
  CONSTRAINT fk_decision_amount_decision FOREIGN KEY (decision_id) REFERENCES decision (id)
);
INSERT INTO decision_amount (decision_id, grant_year, amount)
  SELECT d.id, a.grant_year, a.amount FROM decision d
  JOIN application_amount a ON a.application_id = d.application_id AND a.kind = 'GRANTED';
