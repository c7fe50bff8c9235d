-- The legal act of a grant (issue 15): bpmn/legal-instrument.dmn chooses, after the vote, an agreement
-- (convention pluriannuelle d'objectifs, signed then countersigned) or an arrêté attributif (issued in
-- the name of the President, in force at once). Both are rows of agreement, which already carries the
-- installments and reports of the grant years: a column tells which act it is. Existing rows are agreements.
ALTER TABLE agreement ADD COLUMN instrument VARCHAR(20) NOT NULL DEFAULT 'AGREEMENT';

-- The arrêtés' own numbers: ARR-2026-000001.
INSERT INTO number_sequence (name, next_value) VALUES ('arrete', 1);
