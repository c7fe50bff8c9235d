package fr.agir.campaign;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.TimeConfig;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Campaigns: created by an admin, opened and closed on their dates by bpmn/campaign.bpmn. */
@Service
public class CampaignService {
    public static final String ENTITY = "CAMPAIGN";

    private final CampaignRepository campaigns;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;

    public CampaignService(CampaignRepository campaigns, Workflow workflow, AuditTrail audit, Clock clock) {
        this.campaigns = campaigns;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
    }

    public record NewCampaign(String code, String name, LocalDate openingDate, LocalDate closingDate,
                              BigDecimal envelopeOperating, BigDecimal envelopeInvestment, int maxDurationYears,
                              Set<Thematic> thematics) {
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Campaign create(NewCampaign c) {
        if (!c.closingDate().isAfter(c.openingDate())) {
            throw new InvalidInputException("La date de clôture doit suivre la date d'ouverture.",
                    Map.of("closingDate", "Doit être après la date d'ouverture"));
        }
        if (c.maxDurationYears() < 1 || c.maxDurationYears() > 2) {
            throw new InvalidInputException("Une subvention porte sur un ou deux ans.",
                    Map.of("maxDurationYears", "1 ou 2"));
        }
        if (c.thematics() == null || c.thematics().isEmpty()) {
            throw new InvalidInputException("Choisissez au moins une thématique.", Map.of("thematics", "Obligatoire"));
        }
        if (campaigns.findByCode(c.code()).isPresent()) {
            throw new StateConflictException("Une campagne porte déjà le code " + c.code() + ".");
        }
        Campaign campaign = campaigns.save(new Campaign(c.code(), c.name(), c.openingDate(), c.closingDate(),
                Money.euros(c.envelopeOperating(), "envelopeOperating"),
                Money.euros(c.envelopeInvestment(), "envelopeInvestment"), c.maxDurationYears(), c.thematics(),
                Instant.now(clock)));
        audit.record(ENTITY, campaign.getId(), null, AuditAction.CAMPAIGN_CREATED, null, CampaignStatus.SCHEDULED, campaign.getName());
        workflow.start(ProcessKeys.CAMPAIGN, campaign.getCode(), Map.of(
                "campaignId", campaign.getId(),
                "openingAt", startOfDay(c.openingDate()),
                // Open through the whole closing day, Paris time.
                "closingAt", startOfDay(c.closingDate().plusDays(1))));
        return campaign;
    }

    /** Called by the campaign process when its opening date is reached. */
    @Transactional
    public void open(Long campaignId) {
        change(campaignId, CampaignStatus.OPEN, AuditAction.CAMPAIGN_OPENED, "Date d'ouverture atteinte");
    }

    /** Called by the campaign process when its closing date is passed. */
    @Transactional
    public void close(Long campaignId) {
        change(campaignId, CampaignStatus.CLOSED, AuditAction.CAMPAIGN_CLOSED, "Date de clôture passée");
    }

    /** Refuses a submission unless the campaign is open today. */
    @Transactional(readOnly = true)
    public Campaign checkAcceptsSubmissions(Long campaignId) {
        Campaign campaign = get(campaignId);
        LocalDate today = LocalDate.now(clock);
        if (!campaign.acceptsSubmissionsOn(today)) {
            if (campaign.getStatus() == CampaignStatus.CLOSED || today.isAfter(campaign.getClosingDate())) {
                throw new StateConflictException("L'appel à projets « " + campaign.getName() + " » est clos depuis le "
                        + French.date(campaign.getClosingDate()) + " : il n'accepte plus de candidature.");
            }
            throw new StateConflictException("L'appel à projets « " + campaign.getName() + " » ouvrira le "
                    + French.date(campaign.getOpeningDate()) + ".");
        }
        return campaign;
    }

    @Transactional(readOnly = true)
    public Campaign get(Long campaignId) {
        return campaigns.findById(campaignId).orElseThrow(() -> new NotFoundException("Campagne introuvable."));
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return campaigns.findAllByOrderByOpeningDateDesc();
    }

    private void change(Long campaignId, CampaignStatus to, AuditAction action, String reason) {
        Campaign campaign = get(campaignId);
        CampaignStatus from = campaign.getStatus();
        campaign.changeStatus(to);
        audit.record(ENTITY, campaignId, null, action, from, to, reason);
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(TimeConfig.PARIS).toInstant());
    }
}
