package fr.agir.steering;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignStatus;
import fr.agir.shared.RecentValues;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The steering dashboard as the pages read it (issue 21): {@link SteeringFigures#of} kept per campaign for
 * {@link #FRESH} (an edition closed for more than a year, whose figures hardly move, for {@link #PAST_EDITION}),
 * computed by one caller at a time ({@link RecentValues}). The page says when its figures were computed. The
 * list of campaigns of the selector is read at every call, so a new campaign shows at once.
 */
@Service
public class SteeringDashboards {
    static final Duration FRESH = Duration.ofMinutes(1);
    static final Duration PAST_EDITION = Duration.ofMinutes(10);
    /** More campaigns than Agir will hold for years; beyond it, the oldest computed figures leave. */
    static final int MAX_CAMPAIGNS = 64;

    private final SteeringFigures figures;
    private final CampaignService campaigns;
    private final Clock clock;
    private final RecentValues<Long, SteeringFigures.Dashboard> recent;

    public SteeringDashboards(SteeringFigures figures, CampaignService campaigns, Clock clock) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.clock = clock;
        this.recent = new RecentValues<>(clock, MAX_CAMPAIGNS);
    }

    /** The dashboard of a campaign (the latest when none or an unknown one is asked for), with when it was computed. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Optional<RecentValues.Stamped<SteeringFigures.Dashboard>> of(Long campaignId) {
        List<Campaign> all = campaigns.all();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Campaign c = all.stream().filter(x -> x.getId().equals(campaignId)).findFirst().orElse(all.get(0));
        RecentValues.Stamped<SteeringFigures.Dashboard> found = recent.get(c.getId(), timeToLive(c),
                () -> figures.of(c.getId()).orElseThrow());
        List<SteeringFigures.CampaignRef> refs = all.stream()
                .map(x -> new SteeringFigures.CampaignRef(x.getId(), x.getCode(), x.getName())).toList();
        return Optional.of(new RecentValues.Stamped<>(found.value().withCampaigns(refs), found.computedAt(),
                found.expiresAt()));
    }

    /** How long the figures of a campaign are kept. */
    Duration timeToLive(Campaign c) {
        boolean past = c.getStatus() == CampaignStatus.CLOSED && c.getClosingDate() != null
                && c.getClosingDate().isBefore(LocalDate.now(clock).minusYears(1));
        return past ? PAST_EDITION : FRESH;
    }

    /** Forgets every campaign's figures. */
    void clear() {
        recent.clear();
    }
}
