-- Budget credits (issue 17): the authorisations of commitment (AE) per campaign and part, with their
-- budget imputation; the payment credits (CP) per campaign, part and budget year; the commitments
-- (engagements) recorded when a grant becomes binding; the CP consumed by validated payments.
CREATE TABLE credit_ae (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  part VARCHAR(20) NOT NULL,
  chapter VARCHAR(10) NOT NULL,
  article VARCHAR(10) NOT NULL,
  function_code VARCHAR(10) NOT NULL,
  amount DECIMAL(14,2) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_credit_ae UNIQUE (campaign_id, part),
  CONSTRAINT ck_credit_ae_amount CHECK (amount >= 0),
  CONSTRAINT fk_credit_ae_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

CREATE TABLE credit_cp (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id BIGINT NOT NULL,
  part VARCHAR(20) NOT NULL,
  budget_year INT NOT NULL,
  amount DECIMAL(14,2) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT uk_credit_cp UNIQUE (campaign_id, part, budget_year),
  CONSTRAINT ck_credit_cp_amount CHECK (amount >= 0),
  CONSTRAINT fk_credit_cp_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
);

-- One commitment per grant; an avenant or a délibération modificative changes its amount (recommit).
-- ae_id is null for a campaign whose credits are not opened when agir.finance.credits.required is false.
CREATE TABLE credit_commitment (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  agreement_id BIGINT NOT NULL,
  ae_id BIGINT NULL,
  amount DECIMAL(14,2) NOT NULL,
  committed_at TIMESTAMP(6) NOT NULL,
  updated_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_credit_commitment UNIQUE (application_id),
  CONSTRAINT fk_credit_commitment_application FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_credit_commitment_agreement FOREIGN KEY (agreement_id) REFERENCES agreement (id),
  CONSTRAINT fk_credit_commitment_ae FOREIGN KEY (ae_id) REFERENCES credit_ae (id)
);
CREATE INDEX ix_credit_commitment_ae ON credit_commitment (ae_id);

-- One consumption per installment, written at its validation; it counts while the installment is
-- validated or paid (a cancelled or returned installment releases it).
CREATE TABLE credit_consumption (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  installment_id BIGINT NOT NULL,
  cp_id BIGINT NULL,
  budget_year INT NOT NULL,
  amount DECIMAL(14,2) NOT NULL,
  consumed_at TIMESTAMP(6) NOT NULL,
  CONSTRAINT uk_credit_consumption UNIQUE (installment_id),
  CONSTRAINT fk_credit_consumption_installment FOREIGN KEY (installment_id) REFERENCES installment (id),
  CONSTRAINT fk_credit_consumption_cp FOREIGN KEY (cp_id) REFERENCES credit_cp (id)
);
CREATE INDEX ix_credit_consumption_cp ON credit_consumption (cp_id);
