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

    private final org.springframework.beans.factory.ObjectProvider<CampaignApplications> applicationCounter;

    public CampaignService(CampaignRepository campaigns, Workflow workflow, AuditTrail audit, Clock clock,
                           org.springframework.beans.factory.ObjectProvider<CampaignApplications> applicationCounter) {
        this.applicationCounter = applicationCounter;
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
        return create(new CampaignSettings(c.code(), c.name(), c.openingDate(), java.time.LocalTime.MIDNIGHT,
                c.closingDate(), Campaign.END_OF_DAY, c.envelopeOperating(), c.envelopeInvestment(),
                c.maxDurationYears(), c.thematics(), Map.of(), Set.of(),
                java.util.EnumSet.copyOf(fr.agir.structure.DocumentType.required()), null, null, null, null, null));
    }

    /**
     * Schedules a new edition with all its settings: checked field by field (nothing saved when one is
     * wrong), audited, and its process started (it opens and closes the campaign at its moments).
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Campaign create(CampaignSettings settings) {
        CampaignSettings s = normalized(settings);
        Map<String, String> errors = CampaignRules.check(s);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La campagne n'a pas été enregistrée : corrigez les champs signalés.", errors);
        }
        if (campaigns.findByCode(s.code()).isPresent()) {
            throw new InvalidInputException("Une campagne porte déjà le code " + s.code() + ".",
                    Map.of("code", "Une campagne porte déjà ce code"));
        }
        Campaign campaign = new Campaign(s.code(), s.name(), s.openingDate(), s.closingDate(), s.envelopeOperating(),
                s.envelopeInvestment(), s.maxDurationYears(), s.thematics(), Instant.now(clock));
        campaign.apply(s);
        campaign = campaigns.save(campaign);
        audit.record(ENTITY, campaign.getId(), null, AuditAction.CAMPAIGN_CREATED, null, CampaignStatus.SCHEDULED, campaign.getName());
        workflow.start(ProcessKeys.CAMPAIGN, campaign.getCode(), processVariables(campaign));
        return campaign;
    }

    /** Open from the opening moment through the whole closing day, Paris time, unless a closing time is set. */
    private static Map<String, Object> processVariables(Campaign campaign) {
        return Map.of("campaignId", campaign.getId(),
                "openingAt", Date.from(campaign.openingAt().toInstant()),
                "closingAt", Date.from(campaign.closingAt().toInstant()));
    }

    /**
     * Changes an edition. Before its opening everything may change. Once open only what is safe: the
     * closing moment (never earlier once applications exist) and the deadlines of steps still to
     * come; anything else is refused with the reason. A closed edition no longer changes. Every
     * change is audited with what changed, before → after.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public Campaign update(Long campaignId, CampaignSettings settings) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> new NotFoundException("Campagne introuvable."));
        CampaignSettings s = normalized(settings);
        Map<String, String> errors = CampaignRules.check(s);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La campagne n'a pas été modifiée : corrigez les champs signalés.", errors);
        }
        CampaignSettings before = campaign.settings();
        List<CampaignSettings.Change> changes = s.changesFrom(before);
        if (changes.isEmpty()) {
            return campaign;
        }
        if (campaign.getStatus() == CampaignStatus.CLOSED) {
            throw new StateConflictException("La campagne « " + campaign.getName() + " » est close : elle ne peut plus "
                    + "être modifiée.");
        }
        boolean opened = campaign.getStatus() == CampaignStatus.OPEN
                || !java.time.ZonedDateTime.now(clock.withZone(TimeConfig.PARIS)).isBefore(campaign.openingAt());
        if (opened) {
            Map<String, String> refused = new java.util.LinkedHashMap<>();
            for (CampaignSettings.Change change : changes) {
                if (!AFTER_OPENING.contains(change.field())) {
                    refused.put(change.field(), "Ne peut plus changer : la campagne est ouverte depuis le "
                            + French.date(campaign.getOpeningDate()));
                }
            }
            java.time.ZonedDateTime newClosing = closingAt(s);
            if (newClosing.isBefore(campaign.closingAt())) {
                long count = applicationCount(campaignId);
                if (count > 0) {
                    refused.put("closingDate", "La clôture ne peut pas être avancée : " + count
                            + (count > 1 ? " candidatures existent déjà" : " candidature existe déjà")
                            + " (elle peut être repoussée)");
                } else if (!newClosing.isAfter(java.time.ZonedDateTime.now(clock.withZone(TimeConfig.PARIS)))) {
                    refused.put("closingDate", "La clôture ne peut pas être placée dans le passé");
                }
            }
            if (!refused.isEmpty()) {
                throw new InvalidInputException("La campagne est ouverte : seules la clôture (repoussée) et les délais "
                        + "peuvent encore changer. Rien n'a été modifié.", refused);
            }
        }
        if (!s.code().equals(before.code()) && campaigns.findByCode(s.code()).isPresent()) {
            throw new InvalidInputException("Une campagne porte déjà le code " + s.code() + ".",
                    Map.of("code", "Une campagne porte déjà ce code"));
        }
        String oldKey = campaign.getCode();
        campaign.apply(s);
        audit.record(ENTITY, campaignId, null, AuditAction.CAMPAIGN_UPDATED, campaign.getStatus(), campaign.getStatus(),
                String.join(" ; ", changes.stream().map(CampaignSettings.Change::sentence).toList()));
        if (!opened && !oldKey.equals(campaign.getCode())) {
            workflow.restart(ProcessKeys.CAMPAIGN, oldKey, campaign.getCode(), processVariables(campaign),
                    "Code de la campagne changé avant son ouverture");
        } else {
            if (!opened) {
                workflow.reschedule(ProcessKeys.CAMPAIGN, campaign.getCode(), "Event_OpeningDateReached", "openingAt",
                        Date.from(campaign.openingAt().toInstant()));
            }
            workflow.reschedule(ProcessKeys.CAMPAIGN, campaign.getCode(), "Event_ClosingDateReached", "closingAt",
                    Date.from(campaign.closingAt().toInstant()));
        }
        return campaign;
    }

    /** What may still change once a campaign is open: the closing moment and the deadlines of later steps. */
    private static final Set<String> AFTER_OPENING = Set.of("closingDate", "closingTime", "deadlineMissingPieces",
            "deadlineOpinion", "deadlineReport");

    /**
     * The settings of a new edition copied from {@code campaignId} (last year's): everything but the code,
     * the name and the dates, which move one year later.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public CampaignSettings duplicateOf(Long campaignId) {
        CampaignSettings s = get(campaignId).settings();
        int year = s.openingDate().plusYears(1).getYear();
        String code = s.code().matches(".*\\d{4}$") ? s.code().substring(0, s.code().length() - 4) + year
                : s.code() + "-" + year;
        String name = s.name().replaceAll("\\b" + s.openingDate().getYear() + "\\b", String.valueOf(year));
        return new CampaignSettings(code, name, s.openingDate().plusYears(1), s.openingTime(),
                s.closingDate().plusYears(1), s.closingTime(), s.envelopeOperating(), s.envelopeInvestment(),
                s.maxDurationYears(), s.thematics(), s.subThemes(), s.legalForms(), s.requiredDocuments(),
                s.minAmount(), s.maxAmount(), s.deadlineMissingPieces(), s.deadlineOpinion(), s.deadlineReport());
    }

    /** How many applications (drafts included) the campaign has. */
    @Transactional(readOnly = true)
    public long applicationCount(Long campaignId) {
        CampaignApplications counter = applicationCounter.getIfAvailable();
        return counter == null ? 0 : counter.count(campaignId);
    }

    /** Submitted applications per campaign id, for the administration's list. */
    @Transactional(readOnly = true)
    public Map<Long, Long> submittedByCampaign() {
        CampaignApplications counter = applicationCounter.getIfAvailable();
        return counter == null ? Map.of() : counter.submittedByCampaign();
    }

    private static java.time.ZonedDateTime closingAt(CampaignSettings s) {
        return Campaign.END_OF_DAY.equals(s.closingTime()) ? s.closingDate().plusDays(1).atStartOfDay(TimeConfig.PARIS)
                : s.closingDate().atTime(s.closingTime()).atZone(TimeConfig.PARIS);
    }

    /** Amounts at scale 2 (as stored, so an unchanged amount is no change), text stripped, default times. */
    private static CampaignSettings normalized(CampaignSettings s) {
        return new CampaignSettings(s.code() == null ? null : s.code().strip(), s.name() == null ? null : s.name().strip(),
                s.openingDate(), s.openingTime() == null ? java.time.LocalTime.MIDNIGHT : s.openingTime(),
                s.closingDate(), s.closingTime() == null ? Campaign.END_OF_DAY : s.closingTime(),
                scale(s.envelopeOperating()), scale(s.envelopeInvestment()), s.maxDurationYears(), s.thematics(),
                s.subThemes(), s.legalForms(), s.requiredDocuments(), scale(s.minAmount()), scale(s.maxAmount()),
                blankToNull(s.deadlineMissingPieces()), blankToNull(s.deadlineOpinion()), blankToNull(s.deadlineReport()));
    }

    private static BigDecimal scale(BigDecimal amount) {
        return amount == null || amount.stripTrailingZeros().scale() > 2 ? amount : amount.setScale(2);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(clock.withZone(TimeConfig.PARIS));
        if (!campaign.acceptsSubmissionsAt(now)) {
            if (campaign.getStatus() == CampaignStatus.CLOSED || !now.isBefore(campaign.closingAt())) {
                throw new StateConflictException("L'appel à projets « " + campaign.getName() + " » est clos depuis le "
                        + French.date(campaign.getClosingDate())
                        + (Campaign.END_OF_DAY.equals(campaign.getClosingTime()) ? ""
                        : " à " + CampaignSettings.time(campaign.getClosingTime()))
                        + " : il n'accepte plus de candidature.");
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
}
