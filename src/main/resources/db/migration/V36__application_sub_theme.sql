-- The sub-theme an application chose among its campaign's sub-themes of its thematic (campaign.sub_themes,
-- "THEMATIC|label" lines): its label, checked by ApplicationService against the campaign when saved.
ALTER TABLE application ADD COLUMN sub_theme VARCHAR(150);
