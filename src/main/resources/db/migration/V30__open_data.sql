-- Open data (issue 20): a structure that is a natural person (an individual entrepreneur) is never published in
-- the SCDL subsidies file (décret 2017-779 publishes legal persons; an individual's name is personal data). The
-- call's legal forms are all legal persons today: the flag defaults to false and is set by the administrator
-- (SQL) for the rare exception; the file's query excludes it whatever the legal form says.
ALTER TABLE structure ADD COLUMN natural_person BOOLEAN NOT NULL DEFAULT FALSE;
