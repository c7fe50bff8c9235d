-- Campaign administration (issue 19): the rules of an edition the administrator sets from /administration.
-- Opening and closing time of day (Europe/Paris): by default the whole closing day, as before.
ALTER TABLE campaign ADD COLUMN opening_time TIME NOT NULL DEFAULT '00:00:00';
ALTER TABLE campaign ADD COLUMN closing_time TIME NOT NULL DEFAULT '23:59:59';
-- Sub-themes (fiches) of each thematic: one line "THEMATIC|label" each.
ALTER TABLE campaign ADD COLUMN sub_themes VARCHAR(4000);
-- Eligible legal forms (codes of structure/LegalForm, comma separated); NULL: every form.
ALTER TABLE campaign ADD COLUMN legal_forms VARCHAR(500);
-- Pieces of the case file required to apply (codes of structure/DocumentType); NULL: the default list.
ALTER TABLE campaign ADD COLUMN required_documents VARCHAR(500);
-- Minimum and maximum amount requested per year; NULL: no bound.
ALTER TABLE campaign ADD COLUMN min_amount DECIMAL(15,2);
ALTER TABLE campaign ADD COLUMN max_amount DECIMAL(15,2);
-- The campaign's own deadlines (ISO-8601 periods); NULL: agir.deadlines.* from configuration.
ALTER TABLE campaign ADD COLUMN deadline_missing_pieces VARCHAR(20);
ALTER TABLE campaign ADD COLUMN deadline_opinion VARCHAR(20);
ALTER TABLE campaign ADD COLUMN deadline_report VARCHAR(20);
