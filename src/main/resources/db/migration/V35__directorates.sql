-- The directorates consulted for opinions, edited by the administrator (/administration/directions): code, name,
-- shared mailboxes (comma-separated) where their reminders go, the thematics they follow (comma-separated codes,
-- declared: the routing table bpmn/opinion-routing.dmn stays the rule), active or not (an inactive directorate is
-- asked no new opinion). Seeded at the first start from the configuration (agir.directorates.<CODE>.email).
CREATE TABLE directorate (
  code VARCHAR(20) NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  mailboxes VARCHAR(1000) NOT NULL,
  thematics VARCHAR(500),
  active BOOLEAN NOT NULL,
  updated_by VARCHAR(100) NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  version BIGINT NOT NULL DEFAULT 0
);
