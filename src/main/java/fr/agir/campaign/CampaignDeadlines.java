package fr.agir.campaign;

import fr.agir.workflow.CampaignDeadlineLookup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The campaign's own deadlines for {@code workflow/Deadlines}: one indexed read by primary key. */
@Component
class CampaignDeadlines implements CampaignDeadlineLookup {
    private final JdbcTemplate jdbc;

    CampaignDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String period(Long campaignId, Kind kind) {
        String column = switch (kind) {
            case MISSING_PIECES -> "deadline_missing_pieces";
            case OPINION -> "deadline_opinion";
            case REPORT_AFTER_YEAR_END -> "deadline_report";
        };
        return jdbc.query("SELECT " + column + " FROM campaign WHERE id = ?",
                rs -> rs.next() ? rs.getString(1) : null, campaignId);
    }
}
