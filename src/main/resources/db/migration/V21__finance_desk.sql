-- The finance officers' workspace (issue 17, /finances).
-- When an installment became payable: the first time its liquidation step (Task_PreparePayment of
-- bpmn/installment-payment.bpmn) opened, stamped by payment/desk/PayableSinceStamp. The 60-day clock
-- (loi 2000-321 art. 10) runs from it to paid_at. Indexed with the status: every tab of /finances reads
-- one status ordered by it.
ALTER TABLE installment ADD COLUMN payable_since DATETIME(6) NULL;
CREATE INDEX ix_installment_status_since ON installment (status, payable_since);

-- A structure's bank details change: requested by a member with a new RIB piece of its case file,
-- verified by a finance officer (never the requester) before any payment goes to the new account.
CREATE TABLE bank_details_change (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  structure_id BIGINT NOT NULL,
  iban VARCHAR(34) NOT NULL,
  bic VARCHAR(11) NOT NULL,
  previous_iban VARCHAR(34),
  previous_bic VARCHAR(11),
  rib_document_id BIGINT NOT NULL,
  status VARCHAR(20) NOT NULL,
  requested_by VARCHAR(100) NOT NULL,
  requested_at DATETIME(6) NOT NULL,
  decided_by VARCHAR(100),
  decided_at DATETIME(6),
  decision_reason VARCHAR(1000),
  version BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_bank_change_structure FOREIGN KEY (structure_id) REFERENCES structure (id),
  CONSTRAINT fk_bank_change_document FOREIGN KEY (rib_document_id) REFERENCES structure_document (id)
);
CREATE INDEX ix_bank_change_structure ON bank_details_change (structure_id, status);
CREATE INDEX ix_bank_change_status ON bank_details_change (status, requested_at);
