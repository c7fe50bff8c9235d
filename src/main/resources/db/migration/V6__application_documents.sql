-- The pieces of the structure's case file an application relies on: linked, never copied. Linked at
-- submission (the current valid version of each type) and again when missing pieces are provided.
CREATE TABLE application_document (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  document_id BIGINT NOT NULL,
  linked_at DATETIME(6) NOT NULL,
  CONSTRAINT uk_application_document UNIQUE (application_id, document_id),
  CONSTRAINT fk_appdoc_application FOREIGN KEY (application_id) REFERENCES application (id),
  CONSTRAINT fk_appdoc_document FOREIGN KEY (document_id) REFERENCES structure_document (id)
);
