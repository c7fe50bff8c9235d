package fr.agir.vote;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.jury.JuryResult;
import fr.agir.jury.SessionApplication;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Commission permanente's sittings: the report built from the jury's proposals (applications
 * awaiting the vote, not decided, not in another open sitting; adjourned ones come back), the
 * DIEESS's adjustments kept beside the jury's proposal, the totals against the campaign's envelope,
 * the déport flags, and the vote recorded in one call and one transaction ({@link #recordVote}).
 */
@Service
public class CommissionService {
    public static final String SITTING = "CP_SITTING";
    public static final String LINE = "CP_REPORT_LINE";

    private final CommissionSittingRepository sittings;
    private final ReportLineRepository lines;
    private final RecusalRepository recusals;
    private final ElectedMemberService electedMembers;
    private final ApplicationService applications;
    private final StructureService structures;
    private final CampaignService campaigns;
    private final VoteService votes;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LegalInstrumentAdvice instruments;
    /** How many lines recordVote writes between two flushes and clears of the persistence context. */
    static final int CLEAR_EVERY = 50;
    @jakarta.persistence.PersistenceContext
    private jakarta.persistence.EntityManager entityManager;

    public CommissionService(CommissionSittingRepository sittings, ReportLineRepository lines,
                             RecusalRepository recusals, ElectedMemberService electedMembers,
                             ApplicationService applications, StructureService structures, CampaignService campaigns,
                             VoteService votes, AuditTrail audit, CurrentUser currentUser, JdbcTemplate jdbc,
                             Clock clock, LegalInstrumentAdvice instruments) {
        this.sittings = sittings;
        this.lines = lines;
        this.recusals = recusals;
        this.electedMembers = electedMembers;
        this.applications = applications;
        this.structures = structures;
        this.campaigns = campaigns;
        this.votes = votes;
        this.audit = audit;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
        this.instruments = instruments;
    }

    // ---- sittings

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public CommissionSitting create(Long campaignId, String number, LocalDate sittingDate) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (campaignId == null) {
            errors.put("campaignId", "Choisissez l'appel à projets");
        }
        String n = number == null ? "" : number.strip();
        if (n.isEmpty()) {
            errors.put("number", "Numéro de la séance obligatoire");
        } else if (n.length() > 40) {
            errors.put("number", "40 caractères au plus");
        } else if (sittings.findByNumber(n).isPresent()) {
            errors.put("number", "Ce numéro est déjà celui d'une autre séance");
        }
        if (sittingDate == null) {
            errors.put("sittingDate", "Date de la séance obligatoire");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La séance ne peut pas être créée : vérifiez les champs signalés.", errors);
        }
        Campaign campaign = campaigns.get(campaignId);
        CommissionSitting sitting = sittings.save(new CommissionSitting(campaign.getId(), n, sittingDate,
                currentUser.username(), Instant.now(clock)));
        audit.record(SITTING, sitting.getId(), null, AuditAction.CP_SITTING_CREATED, null, sitting.getStatus(),
                "Séance " + n + " du " + French.date(sittingDate) + " (" + campaign.getName() + ")");
        return sitting;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<CommissionSitting> list() {
        return sittings.findAllByOrderBySittingDateDescIdDesc();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public CommissionSitting get(Long sittingId) {
        return sittings.findById(sittingId)
                .orElseThrow(() -> new NotFoundException("Séance de la Commission permanente introuvable."));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Map<Long, Integer> lineCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("select sitting_id, count(*) from cp_report_line group by sitting_id",
                rs -> { counts.put(rs.getLong(1), rs.getInt(2)); });
        return counts;
    }

    // ---- the report

    /**
     * Adds to the report every application of the campaign with a jury proposal that awaits the vote,
     * has no decision and is in no other sitting's report (an adjourned line of a voted sitting comes
     * back). Lines already in the report stay as they are. Returns how many were added.
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public int buildReport(Long sittingId) {
        CommissionSitting sitting = lockedInPreparation(sittingId, "constituer son rapport");
        record Eligible(long applicationId, JuryResult.Verdict verdict, int duration, String nature) {
        }
        List<Eligible> eligible = jdbc.query("""
                select a.id, jr.verdict, jr.duration_years,
                  (select sa.nature from jury_session_application sa join jury_session js on js.id = sa.session_id
                    where sa.application_id = a.id and js.phase = 'CLOSED' order by sa.id desc limit 1) as nature
                from application a join jury_result jr on jr.application_id = a.id
                where a.campaign_id = ? and a.status = 'AWAITING_VOTE'
                  and not exists (select 1 from decision d where d.application_id = a.id)
                  and not exists (select 1 from cp_report_line l join cp_sitting s on s.id = l.sitting_id
                    where l.application_id = a.id
                      and (s.status <> 'VOTED' or l.outcome is null or l.outcome <> 'ADJOURNED'))
                order by a.id""",
                (rs, i) -> new Eligible(rs.getLong(1), JuryResult.Verdict.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getString(4)), sitting.getCampaignId());
        Map<Long, Map<Integer, BigDecimal>> proposed = applications.amounts(
                eligible.stream().map(Eligible::applicationId).toList(), AmountKind.JURY);
        List<ReportLine> added = eligible.stream().map(e -> new ReportLine(sittingId, e.applicationId(),
                e.nature() == null ? SessionApplication.Nature.OPERATING : SessionApplication.Nature.valueOf(e.nature()),
                e.verdict(), e.duration(), proposed.getOrDefault(e.applicationId(), Map.of()))).toList();
        lines.saveAll(added);
        audit.record(SITTING, sittingId, null, AuditAction.CP_REPORT_BUILT, null, sitting.getStatus(),
                count(added.size(), "dossier ajouté", "dossiers ajoutés") + " au rapport");
        return added.size();
    }

    /** The DIEESS adjusts a line's amount per year or duration, with a reason; the jury's proposal is kept. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public ReportLine adjust(Long sittingId, Long applicationId, Integer durationYears, Map<Integer, BigDecimal> amounts,
                             String reason) {
        lockedInPreparation(sittingId, "ajuster une proposition");
        ReportLine line = lines.findBySittingIdOrderById(sittingId).stream()
                .filter(l -> l.getApplicationId().equals(applicationId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Ce dossier n'est pas dans le rapport de cette séance."));
        String why = Texts.required(reason, "reason", 1000, "Indiquez la raison de l'ajustement");
        Application application = applications.get(applicationId);
        int duration = durationYears == null ? line.reportDuration() : durationYears;
        Map<Integer, BigDecimal> checked = VoteService.checkedAmendment(application,
                applications.amounts(applicationId, AmountKind.REQUESTED), duration, amounts, "");
        line.adjust(duration, checked, why, currentUser.username(), Instant.now(clock));
        audit.record(LINE, line.getId(), applicationId, AuditAction.CP_LINE_ADJUSTED, null, null,
                French.amountsByYear(checked) + " sur " + French.years(duration) + " : " + why);
        return line;
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public CommissionSitting sendReport(Long sittingId) {
        CommissionSitting sitting = lockedInPreparation(sittingId, "envoyer son rapport");
        int count = lines.findBySittingIdOrderById(sittingId).size();
        if (count == 0) {
            throw new StateConflictException("Le rapport est vide : constituez-le avant de l'envoyer.");
        }
        sitting.reportSent(currentUser.username(), Instant.now(clock));
        audit.record(SITTING, sittingId, null, AuditAction.CP_REPORT_SENT, CommissionSitting.Status.IN_PREPARATION,
                sitting.getStatus(), count(count, "dossier", "dossiers"));
        return sitting;
    }

    private CommissionSitting lockedInPreparation(Long sittingId, String what) {
        CommissionSitting sitting = sittings.lockById(sittingId)
                .orElseThrow(() -> new NotFoundException("Séance de la Commission permanente introuvable."));
        if (sitting.getStatus() != CommissionSitting.Status.IN_PREPARATION) {
            throw new StateConflictException("Le rapport de la séance " + sitting.getNumber() + " est "
                    + (sitting.getStatus() == CommissionSitting.Status.VOTED ? "voté" : "déjà envoyé aux élus")
                    + " : impossible d'" + what + ".");
        }
        return sitting;
    }

    // ---- reading the report

    /**
     * One line as the report shows it; {@code instrument} is the legal act bpmn/legal-instrument.dmn
     * gives what the line counts (proposed, or voted once voted), null when it counts nothing.
     */
    public record LineView(ReportLine line, Application application, Structure structure,
                           Map<Integer, BigDecimal> requested, List<ElectedMemberService.Due> recusalsDue,
                           List<String> recusedMembers, LegalInstrumentAdvice.Instrument instrument) {
        public boolean flagged() {
            return !recusalsDue.isEmpty();
        }

        public String instrumentLabel() {
            return instrument == null ? "" : instrument.label();
        }
    }

    /** One part of the envelope (operating or investment), year 1: what it holds, what earlier votes took, what this report proposes. */
    public record EnvelopePart(SessionApplication.Nature nature, BigDecimal available, BigDecimal committed,
                               BigDecimal proposed) {
        public BigDecimal remaining() {
            return available.subtract(committed).subtract(proposed);
        }

        public boolean over() {
            return remaining().signum() < 0;
        }
    }

    /**
     * The totals per year of the report, the year-1 envelope per part, and how many lines get each
     * legal act (by its French name, lines counting nothing left out).
     */
    public record Totals(Map<Integer, BigDecimal> byYear, List<EnvelopePart> envelope,
                         Map<String, Integer> byInstrument) {
    }

    public record Report(CommissionSitting sitting, Campaign campaign, List<LineView> lines, Totals totals) {
        public long flaggedCount() {
            return lines.stream().filter(LineView::flagged).count();
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Report report(Long sittingId) {
        CommissionSitting sitting = get(sittingId);
        Campaign campaign = campaigns.get(sitting.getCampaignId());
        List<ReportLine> reportLines = lines.findBySittingIdOrderById(sittingId);
        List<Long> ids = reportLines.stream().map(ReportLine::getApplicationId).toList();
        Map<Long, Application> byId = applications.byIds(ids);
        Map<Long, Structure> structureById = structures.byIds(byId.values().stream().map(Application::getStructureId)
                .collect(Collectors.toSet()));
        Map<Long, Map<Integer, BigDecimal>> requested = applications.amounts(ids, AmountKind.REQUESTED);
        Map<Long, List<ElectedMemberService.Due>> due = electedMembers.activeLinkedNames(structureById.keySet());
        Map<Long, List<String>> recused = recusedNames(reportLines);
        Map<List<Object>, LegalInstrumentAdvice.Instrument> advised = new HashMap<>();
        List<LineView> views = reportLines.stream().map(l -> {
            Application a = byId.get(l.getApplicationId());
            return new LineView(l, a, structureById.get(a.getStructureId()),
                    requested.getOrDefault(l.getApplicationId(), Map.of()),
                    due.getOrDefault(a.getStructureId(), List.of()), recused.getOrDefault(l.getId(), List.of()),
                    instrument(l, advised));
        }).toList();
        Map<String, Integer> byInstrument = new TreeMap<>();
        views.forEach(v -> {
            if (v.instrument() != null) {
                byInstrument.merge(v.instrument().label(), 1, Integer::sum);
            }
        });
        return new Report(sitting, campaign, views, totals(sitting, campaign, reportLines, byInstrument));
    }

    /**
     * The act the table gives what the line counts, asked once per distinct duration and largest
     * yearly amount (a report of 900 lines holds far fewer).
     */
    private LegalInstrumentAdvice.Instrument instrument(ReportLine line,
                                                        Map<List<Object>, LegalInstrumentAdvice.Instrument> advised) {
        Map<Integer, BigDecimal> amounts = counted(line);
        if (amounts.isEmpty()) {
            return null;
        }
        int duration = line.getOutcome() == null ? line.reportDuration() : line.getVotedDuration();
        BigDecimal largest = amounts.values().stream().max(BigDecimal::compareTo).orElseThrow().stripTrailingZeros();
        return advised.computeIfAbsent(List.of(duration, largest), k -> instruments.advise(duration, amounts));
    }

    private Map<Long, List<String>> recusedNames(List<ReportLine> reportLines) {
        if (reportLines.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = electedMembers.names();
        return recusals.findByLineIdIn(reportLines.stream().map(ReportLine::getId).toList()).stream()
                .collect(Collectors.groupingBy(Recusal::getLineId, Collectors.mapping(r -> names.get(r.getMemberId()),
                        Collectors.toList())));
    }

    /** What the report counts: voted amounts once voted (adjourned and rejected lines count nothing), else proposed. */
    private static Map<Integer, BigDecimal> counted(ReportLine line) {
        if (line.getOutcome() == null) {
            return line.reportAmounts();
        }
        return line.votedAmounts();
    }

    private Totals totals(CommissionSitting sitting, Campaign campaign, List<ReportLine> reportLines,
                          Map<String, Integer> byInstrument) {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        Map<SessionApplication.Nature, BigDecimal> proposed = new EnumMap<>(SessionApplication.Nature.class);
        for (ReportLine line : reportLines) {
            counted(line).forEach((year, amount) -> {
                byYear.merge(year, amount, BigDecimal::add);
                if (year == 1) {
                    proposed.merge(line.getNature(), amount, BigDecimal::add);
                }
            });
        }
        Map<SessionApplication.Nature, BigDecimal> committed = new EnumMap<>(SessionApplication.Nature.class);
        jdbc.query("""
                select l.nature, sum(l.voted_year1) from cp_report_line l join cp_sitting s on s.id = l.sitting_id
                where s.campaign_id = ? and s.id <> ? and s.status = 'VOTED' and l.voted_year1 is not null
                group by l.nature""", rs -> {
            committed.put(SessionApplication.Nature.valueOf(rs.getString(1)), rs.getBigDecimal(2));
        }, campaign.getId(), sitting.getId());
        List<EnvelopePart> envelope = List.of(
                part(SessionApplication.Nature.OPERATING, campaign.getEnvelopeOperating(), committed, proposed),
                part(SessionApplication.Nature.INVESTMENT, campaign.getEnvelopeInvestment(), committed, proposed));
        return new Totals(byYear, envelope, byInstrument);
    }

    private static EnvelopePart part(SessionApplication.Nature nature, BigDecimal available,
                                     Map<SessionApplication.Nature, BigDecimal> committed,
                                     Map<SessionApplication.Nature, BigDecimal> proposed) {
        return new EnvelopePart(nature, available, committed.getOrDefault(nature, Money.ZERO),
                proposed.getOrDefault(nature, Money.ZERO));
    }

    // ---- the vote

    /** An exception to "adopted as proposed" for one line of the report. */
    public record LineException(Long applicationId, ReportLine.Outcome outcome, Integer durationYears,
                                Map<Integer, BigDecimal> amounts, String motivation) {
    }

    /** An elected member who stepped aside on one line. */
    public record RecusalInput(Long applicationId, Long memberId) {
    }

    public record VoteInput(String deliberationNumber, LocalDate deliberationDate, List<LineException> exceptions,
                            List<RecusalInput> recusals) {
    }

    /** What the recording did, per outcome. */
    public record VoteSummary(CommissionSitting sitting, Map<ReportLine.Outcome, Integer> outcomes, int recusals) {
    }

    private record Planned(ReportLine line, ReportLine.Outcome outcome, int duration, Map<Integer, BigDecimal> amounts,
                           String motivation) {
    }

    /**
     * What recording would refuse in the délibération's number and date, by field (empty: both hold),
     * for the vote page's check step before its confirmation.
     */
    public Map<String, String> deliberationErrors(CommissionSitting sitting, String number, LocalDate date) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            VoteService.checkedNumber(number);
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        try {
            votes.checkedDate(date, sitting.getSittingDate());
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        return errors;
    }

    /**
     * Records the sitting's vote in one transaction: the délibération (number in the format of
     * {@link VoteService#DELIBERATION_NUMBER}, date neither in the future nor before the sitting),
     * every line adopted as the report proposes unless an exception says amended (within the request),
     * rejected (motivated) or adjourned, and who stepped aside on which line. Each line but the
     * adjourned ones gets its decision, GRANTED amounts, audit, status and lifecycle message. Everything
     * is checked before anything is written: a refusal (422, 409) changes nothing; a second recording is 409.
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public VoteSummary recordVote(Long sittingId, VoteInput in) {
        CommissionSitting sitting = sittings.lockById(sittingId)
                .orElseThrow(() -> new NotFoundException("Séance de la Commission permanente introuvable."));
        if (sitting.getStatus() == CommissionSitting.Status.VOTED) {
            throw new StateConflictException("Le vote de la séance " + sitting.getNumber() + " est déjà enregistré : "
                    + "délibération " + sitting.getDeliberationNumber() + " du "
                    + French.date(sitting.getDeliberationDate()) + ". Rien n'a été modifié.");
        }
        if (sitting.getStatus() != CommissionSitting.Status.REPORT_SENT) {
            throw new StateConflictException("Le rapport de la séance " + sitting.getNumber()
                    + " n'a pas encore été envoyé aux élus : envoyez-le avant d'enregistrer le vote.");
        }
        if (in == null) {
            throw new InvalidInputException("Indiquez le numéro et la date de la délibération.");
        }
        String number = VoteService.checkedNumber(in.deliberationNumber());
        LocalDate date = votes.checkedDate(in.deliberationDate(), sitting.getSittingDate());
        sittings.findByDeliberationNumber(number).ifPresent(other -> {
            throw new StateConflictException("La délibération " + number + " est déjà celle de la séance "
                    + other.getNumber() + ".");
        });
        List<ReportLine> reportLines = lines.findBySittingIdOrderById(sittingId);
        Map<Long, ReportLine> byApplication = reportLines.stream()
                .collect(Collectors.toMap(ReportLine::getApplicationId, Function.identity()));
        Map<Long, Application> byId = applications.byIds(byApplication.keySet());
        Map<Long, Map<Integer, BigDecimal>> requested = applications.amounts(byApplication.keySet(), AmountKind.REQUESTED);

        Map<Long, Planned> plan = new LinkedHashMap<>();
        List<LineException> exceptions = in.exceptions() == null ? List.of() : in.exceptions();
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < exceptions.size(); i++) {
            LineException e = exceptions.get(i);
            String prefix = "exceptions[" + i + "].";
            ReportLine line = e == null || e.applicationId() == null ? null : byApplication.get(e.applicationId());
            if (line == null) {
                throw new InvalidInputException("Le dossier n° " + (e == null ? null : e.applicationId())
                        + " n'est pas dans le rapport de la séance " + sitting.getNumber() + ". Rien n'a été enregistré.",
                        Map.of(prefix + "applicationId", "Dossier absent du rapport"));
            }
            if (plan.containsKey(line.getApplicationId())) {
                throw new InvalidInputException("Le dossier " + byId.get(line.getApplicationId()).getReference()
                        + " a deux exceptions : gardez-en une.", Map.of(prefix + "applicationId", "Dossier en double"));
            }
            if (e.outcome() == null) {
                throw new InvalidInputException("Indiquez la décision pour le dossier "
                        + byId.get(line.getApplicationId()).getReference() + ".", Map.of(prefix + "outcome", "Décision obligatoire"));
            }
            Application application = byId.get(line.getApplicationId());
            Planned planned = switch (e.outcome()) {
                case ADOPTED -> adopted(line, application, errors, prefix);
                case AMENDED -> {
                    int duration = e.durationYears() == null ? line.reportDuration() : e.durationYears();
                    yield new Planned(line, ReportLine.Outcome.AMENDED, duration, VoteService.checkedAmendment(
                            application, requested.getOrDefault(application.getId(), Map.of()), duration, e.amounts(),
                            prefix), null);
                }
                case REJECTED -> new Planned(line, ReportLine.Outcome.REJECTED, line.reportDuration(), Map.of(),
                        VoteService.checkedMotivation(e.motivation(), prefix + "motivation"));
                case ADJOURNED -> new Planned(line, ReportLine.Outcome.ADJOURNED, line.reportDuration(), Map.of(), null);
            };
            if (planned != null) {
                plan.put(line.getApplicationId(), planned);
            }
        }
        for (ReportLine line : reportLines) {
            if (!plan.containsKey(line.getApplicationId())) {
                Planned planned = adopted(line, byId.get(line.getApplicationId()), errors, "");
                if (planned != null) {
                    plan.put(line.getApplicationId(), planned);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le jury n'a pas proposé de montant pour "
                    + count(errors.size(), "dossier", "dossiers") + " ("
                    + String.join(", ", errors.keySet()) + ") et le rapport ne l'a pas ajusté : indiquez pour chacun un "
                    + "amendement, un rejet motivé ou un ajournement. Rien n'a été enregistré.", errors);
        }
        Set<Long> memberIds = electedMembers.names().keySet();
        Set<List<Long>> recused = new LinkedHashSet<>();
        List<RecusalInput> recusalInputs = in.recusals() == null ? List.of() : in.recusals();
        for (int i = 0; i < recusalInputs.size(); i++) {
            RecusalInput r = recusalInputs.get(i);
            if (r == null || r.applicationId() == null || !byApplication.containsKey(r.applicationId())) {
                throw new InvalidInputException("Un déport vise un dossier qui n'est pas dans le rapport de cette séance.",
                        Map.of("recusals[" + i + "].applicationId", "Dossier absent du rapport"));
            }
            if (r.memberId() == null || !memberIds.contains(r.memberId())) {
                throw new InvalidInputException("Un déport vise un élu inconnu.",
                        Map.of("recusals[" + i + "].memberId", "Élu inconnu"));
            }
            recused.add(List.of(byApplication.get(r.applicationId()).getId(), r.memberId()));
        }

        // Everything is checked: now write, line after line, in this one transaction. Every query the
        // writing runs makes Hibernate flush, that is compare each entity it manages with its snapshot:
        // with all the sitting's lines, applications, decisions and audit events managed, the vote's cost
        // grew with the square of its lines (900 lines: 54 s). Written lines are flushed and let go every
        // CLEAR_EVERY lines, so the context stays small; a line is merged back if it was let go.
        Map<ReportLine.Outcome, Integer> outcomes = new EnumMap<>(ReportLine.Outcome.class);
        int written = 0;
        for (Planned p : plan.values()) {
            if (++written % CLEAR_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
            ReportLine line = entityManager.contains(p.line()) ? p.line() : entityManager.merge(p.line());
            Application application = byId.get(line.getApplicationId());
            line.vote(p.outcome(), p.duration(), p.amounts(), p.motivation());
            if (p.outcome() == ReportLine.Outcome.ADJOURNED) {
                audit.record(LINE, line.getId(), application.getId(), AuditAction.CP_LINE_ADJOURNED, null,
                        p.outcome(), "Délibération " + number + " du " + French.date(date) + " : dossier ajourné");
            } else {
                votes.apply(application, Decision.Outcome.valueOf(p.outcome().name()), number, date, p.duration(),
                        p.amounts(), p.motivation(), sittingId);
            }
            outcomes.merge(p.outcome(), 1, Integer::sum);
        }
        recusals.saveAll(recused.stream().map(pair -> new Recusal(pair.get(0), pair.get(1))).toList());
        if (!entityManager.contains(sitting)) {
            sitting = entityManager.merge(sitting); // its row stays locked: the lock is the transaction's
        }
        sitting.voted(number, date, currentUser.username(), Instant.now(clock));
        audit.record(SITTING, sittingId, null, AuditAction.CP_SITTING_VOTED, CommissionSitting.Status.REPORT_SENT,
                sitting.getStatus(), "Délibération " + number + " du " + French.date(date) + " : "
                        + outcomes.entrySet().stream().map(o -> o.getValue() + " " + o.getKey().label().toLowerCase())
                        .collect(Collectors.joining(", ")) + " ; " + count(recused.size(), "déport", "déports"));
        return new VoteSummary(sitting, outcomes, recused.size());
    }

    /** A line adopted as the report proposes it; a line with nothing proposed cannot be (an error is noted). */
    private static Planned adopted(ReportLine line, Application application, Map<String, String> errors, String prefix) {
        Map<Integer, BigDecimal> amounts = line.reportAmounts();
        if (amounts.isEmpty()) {
            errors.put(application.getReference(), "Aucun montant proposé : amendez, rejetez ou ajournez");
            return null;
        }
        return new Planned(line, ReportLine.Outcome.ADOPTED, line.reportDuration(), amounts, null);
    }

    /** "1 dossier", "3 dossiers". */
    static String count(int n, String one, String many) {
        return n + " " + (n > 1 ? many : one);
    }
}
