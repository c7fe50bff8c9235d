-- The daily e-mail reminding the Département's signatory of the agreements and avenants waiting for his
-- countersignature (issue 16): one row per day it was done, inserted by the node that sends it (the primary
-- key keeps a second node from sending it again), with how many acts it listed (0: nothing waited long enough).
CREATE TABLE countersignature_digest (
  digest_day DATE PRIMARY KEY,
  acts INT NOT NULL,
  sent_at DATETIME(6) NOT NULL
);
