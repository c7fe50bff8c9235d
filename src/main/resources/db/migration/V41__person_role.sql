-- Issue 21, fourth pass: the people who hold a role, indexed by the role. Staff pick instructors, jurors and
-- signatories among the people Agir has met; that list was read by scanning every person with
-- roles LIKE '%ROLE%', and every applicant who signs in adds a person. Kept by security/People with person.roles.
CREATE TABLE person_role (
    role     VARCHAR(20)  NOT NULL,
    username VARCHAR(100) NOT NULL,
    CONSTRAINT pk_person_role PRIMARY KEY (role, username)
);
CREATE INDEX ix_person_role_username ON person_role (username);
INSERT INTO person_role (role, username) SELECT 'APPLICANT', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,APPLICANT,%';
INSERT INTO person_role (role, username) SELECT 'INSTRUCTOR', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,INSTRUCTOR,%';
INSERT INTO person_role (role, username) SELECT 'REVIEWER', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,REVIEWER,%';
INSERT INTO person_role (role, username) SELECT 'JURY', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,JURY,%';
INSERT INTO person_role (role, username) SELECT 'FINANCE', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,FINANCE,%';
INSERT INTO person_role (role, username) SELECT 'ADMIN', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,ADMIN,%';
INSERT INTO person_role (role, username) SELECT 'SIGNATORY', username FROM person WHERE CONCAT(',', roles, ',') LIKE '%,SIGNATORY,%';
