-- The agreements waiting for a signature (the instructors' queue page counts them at every display,
-- "Conventions à signer" and the signatory's list read them) were found by a scan of every agreement
-- ever generated, most of them closed: the queue page's cost grew with the years of grants kept
-- (issue 21, third pass). Runs on MariaDB and on H2 in MariaDB mode.
CREATE INDEX ix_agreement_status ON agreement (status, instrument);
