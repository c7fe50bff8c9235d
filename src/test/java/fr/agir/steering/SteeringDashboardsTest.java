package fr.agir.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignStatus;
import fr.agir.shared.MovableClock;
import fr.agir.shared.TimeConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The steering dashboard's figures kept per campaign for a minute, on a clock moved by hand. */
class SteeringDashboardsTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:42:00Z"), TimeConfig.PARIS);
    private final SteeringFigures figures = mock(SteeringFigures.class);
    private final CampaignService campaigns = mock(CampaignService.class);
    private final SteeringDashboards dashboards = new SteeringDashboards(figures, campaigns, clock);
    /** What the database holds: the number of applications of each campaign, changed by the tests. */
    private final AtomicLong applications = new AtomicLong(10);
    private final List<Campaign> all = new ArrayList<>();

    private static Campaign campaign(long id, CampaignStatus status, LocalDate closing) {
        Campaign c = mock(Campaign.class);
        when(c.getId()).thenReturn(id);
        when(c.getCode()).thenReturn("AAA-" + id);
        when(c.getName()).thenReturn("Appel " + id);
        when(c.getStatus()).thenReturn(status);
        when(c.getClosingDate()).thenReturn(closing);
        return c;
    }

    private static SteeringFigures.Dashboard dashboard(long campaignId, long applications) {
        return new SteeringFigures.Dashboard(new SteeringFigures.CampaignRef(campaignId, "AAA-" + campaignId, "Appel"),
                List.of(), List.of(new SteeringFigures.Count("DEPOSEES", "Déposées", applications)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private long deposited(Long campaignId) {
        return dashboards.of(campaignId).orElseThrow().value().funnel().get(0).count();
    }

    @BeforeEach
    void twoCampaigns() {
        all.add(campaign(2, CampaignStatus.OPEN, LocalDate.of(2026, 12, 31)));
        all.add(campaign(1, CampaignStatus.CLOSED, LocalDate.of(2024, 3, 31)));
        when(campaigns.all()).thenAnswer(i -> List.copyOf(all));
        for (long id : new long[] {1, 2}) {
            when(figures.of(id)).thenAnswer(i -> Optional.of(dashboard(id, applications.get() * id)));
        }
    }

    @Test
    void theFiguresAreServedFromMemoryForAMinuteThenComputedAgain() {
        assertThat(deposited(2L)).isEqualTo(20);
        applications.set(11);
        clock.move(Duration.ofSeconds(59));
        assertThat(deposited(2L)).as("kept").isEqualTo(20);
        assertThat(deposited(null)).as("the latest campaign, the same key").isEqualTo(20);
        verify(figures, times(1)).of(2L);
        clock.move(Duration.ofSeconds(1));
        assertThat(deposited(2L)).as("refreshed after a minute").isEqualTo(22);
        assertThat(dashboards.of(2L).orElseThrow().computedAt()).isEqualTo(Instant.parse("2026-11-30T09:43:00Z"));
        verify(figures, times(2)).of(2L);
    }

    @Test
    void eachCampaignHasItsOwnFigures() {
        assertThat(deposited(2L)).isEqualTo(20);
        assertThat(deposited(1L)).isEqualTo(10);
        assertThat(deposited(999L)).as("an unknown campaign shows the latest").isEqualTo(20);
        verify(figures, times(1)).of(1L);
        verify(figures, times(1)).of(2L);
    }

    @Test
    void anEditionClosedForMoreThanAYearIsKeptTenMinutes() {
        assertThat(deposited(1L)).isEqualTo(10);
        applications.set(11);
        clock.move(Duration.ofMinutes(5));
        assertThat(deposited(1L)).isEqualTo(10);
        clock.move(Duration.ofMinutes(5));
        assertThat(deposited(1L)).isEqualTo(11);
    }

    @Test
    void theSelectorListsTheCampaignsOfNowNotThoseOfTheComputation() {
        dashboards.of(2L);
        all.add(0, campaign(3, CampaignStatus.SCHEDULED, LocalDate.of(2027, 12, 31)));
        assertThat(dashboards.of(2L).orElseThrow().value().campaigns())
                .extracting(SteeringFigures.CampaignRef::id).containsExactly(3L, 2L, 1L);
    }

    @Test
    void withoutAnyCampaignThereIsNoDashboard() {
        all.clear();
        assertThat(dashboards.of(null)).isEmpty();
    }
}
