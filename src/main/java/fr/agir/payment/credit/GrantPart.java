package fr.agir.payment.credit;

import fr.agir.jury.SessionApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of a grant (fonctionnement / investissement): the nature of its line in the Commission
 * permanente's report (the vote), else the jury's proposal, else fonctionnement (a decision recorded
 * directly, without report nor jury session, as the API allows). One rule, written once in SQL
 * ({@link #sql}), so that the finance workspace filters its lists with exactly what the credits and the
 * payment orders use.
 */
@Component
public class GrantPart {
    private final JdbcTemplate jdbc;

    public GrantPart(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The part of the application whose id is the SQL expression {@code applicationId}: 'OPERATING' or 'INVESTMENT'. */
    public static String sql(String applicationId) {
        return "COALESCE((SELECT l.nature FROM cp_report_line l WHERE l.application_id = " + applicationId
                + " AND l.nature IS NOT NULL ORDER BY l.id DESC LIMIT 1), (SELECT ja.nature FROM "
                + "jury_session_application ja WHERE ja.application_id = " + applicationId
                + " AND ja.nature IS NOT NULL ORDER BY ja.id DESC LIMIT 1), 'OPERATING')";
    }

    @Transactional(readOnly = true)
    public SessionApplication.Nature of(Long applicationId) {
        return SessionApplication.Nature.valueOf(jdbc.queryForObject("SELECT " + sql("?"), String.class,
                applicationId, applicationId));
    }
}
