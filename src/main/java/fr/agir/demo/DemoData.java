package fr.agir.demo;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.BudgetLineCode;
import fr.agir.application.TargetPublic;
import fr.agir.application.YearBudget;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.CampaignStatus;
import fr.agir.campaign.Thematic;
import fr.agir.jury.ScoringGridService;
import fr.agir.security.Role;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.structure.DocumentType;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.LegalForm;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * On an empty database, seeds an open demo campaign with its scoring grid, a structure for the demo
 * applicant and a submitted application, so the lifecycle can be followed in Cockpit from the first start.
 * Only when {@code agir.demo.seed=true}, read at start rather than as a bean condition: the production image's
 * bean definitions are computed at build time (Spring AOT, issue 21), where a condition would be frozen.
 */
@Component
public class DemoData {
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CampaignService campaigns;
    private final ScoringGridService grids;
    private final StructureService structures;
    private final ApplicationService applications;
    private final DocumentVault vault;
    private final Clock clock;
    private final fr.agir.payment.credit.CreditService credits;
    private final boolean enabled;

    public DemoData(CampaignService campaigns, ScoringGridService grids, StructureService structures,
                    ApplicationService applications, DocumentVault vault, Clock clock,
                    fr.agir.payment.credit.CreditService credits,
                    @Value("${agir.demo.seed:false}") boolean enabled) {
        this.enabled = enabled;
        this.credits = credits;
        this.campaigns = campaigns;
        this.grids = grids;
        this.structures = structures;
        this.applications = applications;
        this.vault = vault;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (!enabled || !campaigns.all().isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Campaign campaign = as("admin", Role.ADMIN, () -> campaigns.create(new CampaignService.NewCampaign(
                "AAA-" + today.getYear(), "Appel à Agir " + today.getYear(), today.minusDays(1), today.plusDays(60),
                new BigDecimal("2500000.00"), new BigDecimal("400000.00"), 2, EnumSet.allOf(Thematic.class))));
        Application draft = as("porteur", Role.APPLICANT, () -> {
            Structure structure = structures.register(new StructureService.Registration("La Recyclerie de Saint-Denis",
                    LegalForm.ASSOCIATION, "89312345500014", "W931234567", "12 rue de la République", "93200",
                    "Saint-Denis", "Awa Diallo", "awa.diallo@example.org", "FR7630006000011234567890189", "AGRIFRPP"));
            for (DocumentType type : DocumentType.required()) {
                byte[] pdf = new PdfDocumentBuilder(type.label()).heading(type.label() + " — " + structure.getName())
                        .paragraph("Pièce de démonstration, déposée au premier démarrage d'Agir.").build();
                vault.upload(structure.getId(), type, type.name().toLowerCase() + ".pdf",
                        new java.io.ByteArrayInputStream(pdf), null);
            }
            return applications.createDraft(campaign.getId(), structure.getId(),
                    new ApplicationService.Draft("Atelier vélo solidaire",
                            "Un atelier de réparation de vélos tenu par des jeunes en insertion, ouvert aux habitants.",
                            Thematic.TRANSITION_ECOLOGIQUE, TargetPublic.JEUNES, "Saint-Denis, quartier Franc-Moisin",
                            2, List.of(budget(1), budget(2))));
        });
        as("admin", Role.ADMIN, () -> grids.save(campaign.getId(), demoGrid()));
        // Its budget credits: the AE of each part (default imputations) and the CP of this year and the next.
        as("admin", Role.ADMIN, () -> {
            var operating = fr.agir.jury.SessionApplication.Nature.OPERATING;
            var investment = fr.agir.jury.SessionApplication.Nature.INVESTMENT;
            credits.setAe(campaign.getId(), operating, new BigDecimal("2500000.00"), null, null, null);
            credits.setAe(campaign.getId(), investment, new BigDecimal("400000.00"), null, null, null);
            credits.setCp(campaign.getId(), operating, today.getYear(), new BigDecimal("1800000.00"));
            credits.setCp(campaign.getId(), operating, today.getYear() + 1, new BigDecimal("700000.00"));
            credits.setCp(campaign.getId(), investment, today.getYear(), new BigDecimal("250000.00"));
            return null;
        });
        // The campaign process opens the call through its timer job, a moment after start-up.
        Thread submitter = new Thread(() -> submitOnceOpen(campaign.getId(), draft.getId()), "demo-data");
        submitter.setDaemon(true);
        submitter.start();
    }

    private void submitOnceOpen(Long campaignId, Long draftId) {
        try {
            for (int i = 0; i < 120 && campaigns.get(campaignId).getStatus() != CampaignStatus.OPEN; i++) {
                Thread.sleep(500);
            }
            Application application = as("porteur", Role.APPLICANT, () -> applications.submit(draftId));
            log.info("Demo data seeded: application {} submitted", application.getReference());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Demo application not submitted: {}", e.getMessage());
        }
    }

    /** A grid as an ESS jury would write it: social utility first, and eliminatory below 2 out of 5. */
    private static List<ScoringGridService.CriterionInput> demoGrid() {
        List<String> anchors = List.of("Absent", "Très insuffisant", "Insuffisant", "Satisfaisant", "Bon", "Excellent");
        return List.of(
                new ScoringGridService.CriterionInput("Utilité sociale et réponse aux besoins du territoire",
                        "Le projet répond-il à un besoin avéré des habitants de la Seine-Saint-Denis ?", 0, 5, anchors,
                        new BigDecimal("3"), true, new BigDecimal("2")),
                new ScoringGridService.CriterionInput("Ancrage territorial et partenariats",
                        "Partenaires locaux, implication des habitants, lien avec les acteurs de l'ESS.", 0, 5, anchors,
                        new BigDecimal("2"), true, null),
                new ScoringGridService.CriterionInput("Viabilité du modèle économique",
                        "Budget équilibré, diversité des ressources, perspectives au-delà de la subvention.", 0, 5, anchors,
                        new BigDecimal("2"), true, null),
                new ScoringGridService.CriterionInput("Gouvernance démocratique et coopération",
                        "Fonctionnement collectif, place des salariés, bénévoles et usagers dans les décisions.", 0, 5,
                        anchors, BigDecimal.ONE, false, null));
    }

    private static YearBudget budget(int year) {
        Map<BudgetLineCode, BigDecimal> lines = YearBudget.emptyLines();
        lines.put(BudgetLineCode.C60, new BigDecimal("8000.00"));
        lines.put(BudgetLineCode.C64, new BigDecimal("32000.00"));
        lines.put(BudgetLineCode.C86, new BigDecimal("5000.00"));
        lines.put(BudgetLineCode.P70, new BigDecimal("10000.00"));
        lines.put(BudgetLineCode.P74_DEPARTEMENT, new BigDecimal("20000.00"));
        lines.put(BudgetLineCode.P74_COMMUNE, new BigDecimal("10000.00"));
        lines.put(BudgetLineCode.P87, new BigDecimal("5000.00"));
        return new YearBudget(year, new BigDecimal("20000.00"), lines);
    }

    private static <T> T as(String username, Role role, java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, AuthorityUtils.createAuthorityList(role.authority())));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
