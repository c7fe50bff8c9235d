-- Signed webhooks (Standard Webhooks), fr.agir.webhook. An endpoint is registered by an administrator;
-- a delivery is written in the transaction of the business step that causes it (the outbox), then sent
-- after commit and retried with a growing pause until the receiver answers 2xx. Nothing is deleted.
CREATE TABLE webhook_endpoint (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  url VARCHAR(2000) NOT NULL,
  description VARCHAR(200),
  event_types VARCHAR(500) NOT NULL,
  secret VARCHAR(120) NOT NULL,
  previous_secret VARCHAR(120),
  previous_secret_until DATETIME(6),
  secret_hint VARCHAR(20) NOT NULL,
  enabled BOOLEAN NOT NULL,
  consecutive_failures INT NOT NULL,
  disabled_reason VARCHAR(1000),
  disabled_at DATETIME(6),
  created_by VARCHAR(100) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE webhook_delivery (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  endpoint_id BIGINT NOT NULL,
  message_id VARCHAR(60) NOT NULL,
  event_type VARCHAR(40) NOT NULL,
  audit_event_id BIGINT,
  application_id BIGINT,
  payload TEXT NOT NULL,
  status VARCHAR(12) NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DATETIME(6) NOT NULL,
  last_status_code INT,
  last_error VARCHAR(1000),
  created_at DATETIME(6) NOT NULL,
  delivered_at DATETIME(6),
  CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);
