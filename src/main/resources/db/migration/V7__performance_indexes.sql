-- Indexes found missing by the benchmark (bench/, docs/PERFORMANCE.md): each query below read the
-- whole table, so its cost grew with every year of grants kept, and the lifecycle, which runs them
-- at every payment and report step, grew with it. Runs on MariaDB and on H2 in MariaDB mode.

-- An application's installments (PaymentService.ofApplication, each payment step, the portal).
CREATE INDEX ix_installment_application ON installment (application_id, grant_year);

-- An application's financial reports (each report step, the portal's expected reports).
CREATE INDEX ix_report_application ON report (application_id, grant_year);

-- The applications routed to a reviewer's directorates (his list and his task page).
CREATE INDEX ix_opinion_directorate ON opinion (directorate, application_id);
