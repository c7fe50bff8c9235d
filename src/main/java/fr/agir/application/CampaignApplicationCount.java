package fr.agir.application;

import fr.agir.campaign.CampaignApplications;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The campaign administration's counts of applications, by SQL (nothing loaded). */
@Component
class CampaignApplicationCount implements CampaignApplications {
    private final JdbcTemplate jdbc;

    CampaignApplicationCount(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long count(Long campaignId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM application WHERE campaign_id = ?", Long.class, campaignId);
        return n == null ? 0 : n;
    }

    @Override
    public Map<Long, Long> submittedByCampaign() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("SELECT campaign_id, COUNT(*) FROM application WHERE status <> 'DRAFT' GROUP BY campaign_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }
}
