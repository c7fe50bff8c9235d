-- Report deadlines (issue 18, part 2): how many reminders before the due date were e-mailed (so that a
-- returned report is not reminded twice), when the report was first submitted (a report sent on time and
-- returned for correction is not late), and the formal reminder letter (mise en demeure) sent after the
-- second period, kept as sent (PDF/A).
ALTER TABLE report ADD COLUMN reminders_sent INT NOT NULL DEFAULT 0;
ALTER TABLE report ADD COLUMN first_submitted_at DATETIME(6);
ALTER TABLE report ADD COLUMN formal_notice_at DATETIME(6);
ALTER TABLE report ADD COLUMN formal_notice_pdf LONGBLOB;
UPDATE report SET first_submitted_at = submitted_at WHERE submitted_at IS NOT NULL;
