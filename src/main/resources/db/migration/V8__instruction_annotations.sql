-- Private notes of the DIEESS instructors on an application: never shown to the structure, to the
-- directorates or to the jury.
CREATE TABLE application_annotation (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT NOT NULL,
  author VARCHAR(100) NOT NULL,
  body VARCHAR(4000) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  CONSTRAINT fk_annotation_application FOREIGN KEY (application_id) REFERENCES application (id)
);
CREATE INDEX ix_annotation_application ON application_annotation (application_id, created_at);
