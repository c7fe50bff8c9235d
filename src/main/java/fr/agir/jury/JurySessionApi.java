package fr.agir.jury;

import fr.agir.campaign.Thematic;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The DIEESS's side of the jury: grids, sessions, members, assignment, phases, deliberation, minutes. */
@RestController
@Tag(name = "Jury (DIEESS)", description = "Grilles de notation, séances, répartition, délibération, procès-verbal")
public class JurySessionApi {
    private final JurySessionService sessions;
    private final JurySessionSetupService setup;
    private final JuryAssignmentService assignmentService;
    private final JuryDeliberationService deliberations;
    private final ScoringGridService grids;
    private final ConflictService conflicts;

    public JurySessionApi(JurySessionService sessions, JurySessionSetupService setup,
                          JuryAssignmentService assignmentService, JuryDeliberationService deliberations,
                          ScoringGridService grids, ConflictService conflicts) {
        this.sessions = sessions;
        this.setup = setup;
        this.assignmentService = assignmentService;
        this.deliberations = deliberations;
        this.grids = grids;
        this.conflicts = conflicts;
    }

    // ---- grids

    public record CriterionView(Long id, int position, String label, String description, int scaleMin, int scaleMax,
                                List<String> anchors, BigDecimal weight, boolean required, BigDecimal eliminatoryBelow) {
        static CriterionView of(GridCriterion c) {
            return new CriterionView(c.getId(), c.getPosition(), c.getLabel(), c.getDescription(), c.getScaleMin(),
                    c.getScaleMax(), c.getAnchors(), c.getWeight(), c.isRequired(), c.getEliminatoryBelow());
        }
    }

    public record GridView(Long id, Long campaignId, int version, Instant frozenAt, List<CriterionView> criteria) {
        static GridView of(ScoringGrid g) {
            return new GridView(g.getId(), g.getCampaignId(), g.getGridVersion(), g.getFrozenAt(),
                    g.getCriteria().stream().map(CriterionView::of).toList());
        }
    }

    public record GridInput(List<ScoringGridService.CriterionInput> criteria) {
    }

    @GetMapping("/api/campaigns/{id}/scoring-grid")
    @Operation(summary = "La grille de notation en vigueur de la campagne (dernière version)")
    public ResponseEntity<GridView> grid(@PathVariable Long id) {
        return grids.current(id).map(GridView::of).map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @PutMapping("/api/campaigns/{id}/scoring-grid")
    @Operation(summary = "Enregistrer la grille : remplace la version en préparation, ou crée la suivante si elle est figée")
    public GridView saveGrid(@PathVariable Long id, @RequestBody GridInput in) {
        return GridView.of(grids.save(id, in == null ? null : in.criteria()));
    }

    // ---- sessions

    public record SessionView(Long id, Long campaignId, String name, LocalDate scoringOpens, LocalDate scoringCloses,
                              LocalDate deliberationDate, JurySession.Phase phase, int jurorsPerApplication,
                              boolean preferThematics, Long gridId) {
        static SessionView of(JurySession s) {
            return new SessionView(s.getId(), s.getCampaignId(), s.getName(), s.getScoringOpens(), s.getScoringCloses(),
                    s.getDeliberationDate(), s.getPhase(), s.getJurorsPerApplication(), s.isPreferThematics(),
                    s.getGridId());
        }
    }

    public record MemberView(String username, String displayName, String email, Set<Thematic> thematics) {
        static MemberView of(SessionMember m) {
            return new MemberView(m.getUsername(), m.getDisplayName(), m.getEmail(), m.getThematics());
        }
    }

    @PostMapping("/api/jury/sessions")
    @Operation(summary = "Créer une séance de jury (phase : conflits et répartition)")
    public SessionView create(@RequestBody JurySessionSetupService.NewSession in) {
        return SessionView.of(setup.create(in));
    }

    @GetMapping("/api/jury/sessions")
    @Operation(summary = "Les séances de jury")
    public List<SessionView> all() {
        return sessions.all().stream().map(SessionView::of).toList();
    }

    @GetMapping("/api/jury/sessions/{id}")
    @Operation(summary = "Une séance de jury")
    public SessionView one(@PathVariable Long id) {
        return SessionView.of(sessions.get(id));
    }

    @PutMapping("/api/jury/sessions/{id}/members")
    @Operation(summary = "Les membres de la séance (remplace la liste ; phase des conflits)")
    public List<MemberView> setMembers(@PathVariable Long id, @RequestBody List<JurySessionSetupService.MemberInput> in) {
        return setup.setMembers(id, in).stream().map(MemberView::of).toList();
    }

    public record ApplicationsInput(List<Long> applicationIds) {
    }

    public record CandidateView(Long id, String reference, String title) {
    }

    @GetMapping("/api/jury/sessions/{id}/candidates")
    @Operation(summary = "Les candidatures de la campagne qui attendent le jury et qu'aucune séance n'a prises")
    public List<CandidateView> candidates(@PathVariable Long id) {
        return setup.candidates(id).stream().map(a -> new CandidateView(a.getId(), a.getReference(), a.getTitle())).toList();
    }

    @PostMapping("/api/jury/sessions/{id}/applications")
    @Operation(summary = "Prendre des candidatures dans la séance (toutes les candidates si la liste est vide)")
    public Map<String, Integer> take(@PathVariable Long id, @RequestBody(required = false) ApplicationsInput in) {
        return Map.of("taken", setup.addApplications(id, in == null ? null : in.applicationIds()));
    }

    @DeleteMapping("/api/jury/sessions/{id}/applications/{applicationId}")
    @Operation(summary = "Retirer une candidature de la séance (phase des conflits)")
    public ResponseEntity<Void> release(@PathVariable Long id, @PathVariable Long applicationId) {
        setup.removeApplication(id, applicationId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/jury/sessions/{id}/assignments/automatic")
    @Operation(summary = "Répartir les dossiers : N membres par dossier, charge équilibrée, jamais en conflit")
    public JuryAssignmentService.AssignmentReport assign(@PathVariable Long id) {
        return assignmentService.assignAutomatically(id);
    }

    public record AssignmentInput(Long applicationId, String username, String reason) {
    }

    @PostMapping("/api/jury/sessions/{id}/assignments")
    @Operation(summary = "Confier un dossier à un membre, à la main et motivé")
    public ResponseEntity<Void> assignOne(@PathVariable Long id, @RequestBody AssignmentInput in) {
        assignmentService.assign(id, in == null ? null : in.applicationId(), in == null ? null : in.username(),
                in == null ? null : in.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/jury/sessions/{id}/assignments/removal")
    @Operation(summary = "Retirer un dossier à un membre, motivé")
    public ResponseEntity<Void> unassignOne(@PathVariable Long id, @RequestBody AssignmentInput in) {
        assignmentService.unassign(id, in == null ? null : in.applicationId(), in == null ? null : in.username(),
                in == null ? null : in.reason());
        return ResponseEntity.noContent().build();
    }

    public record AssignmentView(Long applicationId, Set<String> members) {
    }

    @GetMapping("/api/jury/sessions/{id}/assignments")
    @Operation(summary = "La répartition : les membres de chaque dossier")
    public List<AssignmentView> assignments(@PathVariable Long id) {
        return assignmentService.assignments(id).entrySet().stream()
                .map(e -> new AssignmentView(e.getKey(), e.getValue())).toList();
    }

    public record PhaseInput(JurySession.Phase phase) {
    }

    @PostMapping("/api/jury/sessions/{id}/phase")
    @Operation(summary = "Passer à la phase suivante : SCORING (grille figée), DELIBERATION, CLOSED (dans l'enveloppe)")
    public SessionView advance(@PathVariable Long id, @RequestBody PhaseInput in) {
        JurySession.Phase next = in == null ? null : in.phase();
        if (next == null || next == JurySession.Phase.CONFLICTS) {
            throw new fr.agir.shared.InvalidInputException("Phase inconnue.",
                    Map.of("phase", "SCORING, DELIBERATION ou CLOSED"));
        }
        return SessionView.of(switch (next) {
            case SCORING -> deliberations.openScoring(id);
            case DELIBERATION -> deliberations.openDeliberation(id);
            default -> deliberations.close(id);
        });
    }

    public record ConflictView(Long id, String username, Long structureId, JuryConflict.Type type, String comment,
                               JuryConflict.Status status, boolean pinned, String decidedBy) {
        static ConflictView of(JuryConflict c) {
            return new ConflictView(c.getId(), c.getUsername(), c.getStructureId(), c.getType(), c.getComment(),
                    c.getStatus(), c.isPinned(), c.getDecidedBy());
        }
    }

    @GetMapping("/api/jury/sessions/{id}/conflicts")
    @Operation(summary = "Les conflits d'intérêts entre les membres et les structures de la séance, écartés compris")
    public List<ConflictView> conflicts(@PathVariable Long id) {
        sessions.get(id);
        return conflicts.ofSession(id).stream().map(ConflictView::of).toList();
    }

    public record ConflictRecordInput(String username, Long structureId, JuryConflict.Type type, String comment) {
    }

    @PostMapping("/api/jury/sessions/{id}/conflicts")
    @Operation(summary = "Enregistrer un conflit connu de l'administrateur (épinglé)")
    public ConflictView recordConflict(@PathVariable Long id, @RequestBody ConflictRecordInput in) {
        return ConflictView.of(conflicts.record(id, in == null ? null : in.username(),
                in == null ? null : in.structureId(), in == null ? null : in.type(), in == null ? null : in.comment()));
    }

    public record DecisionInput(ConflictService.Decision decision, String reason) {
    }

    @PostMapping("/api/jury/conflicts/{id}/decision")
    @Operation(summary = "Confirmer, épingler ou écarter un conflit (administrateur, tracé)")
    public ConflictView decide(@PathVariable Long id, @RequestBody DecisionInput in) {
        return ConflictView.of(conflicts.decide(id, in == null ? null : in.decision(), in == null ? null : in.reason()));
    }

    // ---- deliberation

    public record RankingRowView(Long applicationId, String reference, String title, String structureName,
                                 Thematic thematic, String ept, Map<Integer, BigDecimal> requested, int scores,
                                 BigDecimal mean, BigDecimal median, BigDecimal standardDeviation, BigDecimal spread,
                                 boolean disagreement, List<String> eliminatedBy, JuryResult.Verdict verdict,
                                 Integer durationYears, Map<Integer, BigDecimal> proposedAmounts,
                                 SessionApplication.Nature nature, String comment) {
        static RankingRowView of(JurySessionService.RankingRow r) {
            JuryStatistics.Aggregate a = r.aggregate();
            SessionApplication p = r.proposal();
            return new RankingRowView(r.application().getId(), r.application().getReference(), r.application().getTitle(),
                    r.structureName(), r.application().getThematic(), r.ept(), r.requested(), a.count(), a.mean(),
                    a.median(), a.standardDeviation(), a.spread(), a.disagreement(), r.eliminatedBy(), p.getVerdict(),
                    p.getDurationYears(), p.amounts(), p.getNature(), p.getComment());
        }
    }

    public record EnvelopePartView(SessionApplication.Nature nature, BigDecimal available, BigDecimal committed,
                                   BigDecimal proposed, BigDecimal remaining) {
    }

    public record RankingView(Long sessionId, JurySession.Phase phase, List<RankingRowView> rows,
                              List<EnvelopePartView> envelope, BigDecimal secondYear) {
        static RankingView of(JurySessionService.Ranking r) {
            return new RankingView(r.session().getId(), r.session().getPhase(),
                    r.rows().stream().map(RankingRowView::of).toList(),
                    r.envelope().parts().entrySet().stream().map(e -> new EnvelopePartView(e.getKey(),
                            e.getValue().available(), e.getValue().committed(), e.getValue().proposed(),
                            e.getValue().remaining())).toList(), r.envelope().secondYear());
        }
    }

    @GetMapping("/api/jury/sessions/{id}/ranking")
    @Operation(summary = "Le classement de la délibération (tri : MEAN, MEDIAN, THEMATIC, EPT) et l'enveloppe")
    public RankingView ranking(@PathVariable Long id,
                               @RequestParam(defaultValue = "MEAN") JurySessionService.RankingOrder sort) {
        return RankingView.of(sessions.ranking(id, sort));
    }

    @PutMapping("/api/jury/sessions/{id}/applications/{applicationId}/proposal")
    @Operation(summary = "La proposition du jury pour un dossier : avis, durée, montants par année, part de l'enveloppe")
    public RankingRowView propose(@PathVariable Long id, @PathVariable Long applicationId,
                                  @RequestBody JuryDeliberationService.ProposalInput in) {
        deliberations.propose(id, applicationId, in);
        return sessions.ranking(id, JurySessionService.RankingOrder.MEAN).rows().stream()
                .filter(r -> r.application().getId().equals(applicationId)).findFirst().map(RankingRowView::of)
                .orElseThrow();
    }

    @GetMapping(value = "/api/jury/sessions/{id}/minutes", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le procès-verbal (PDF) : projet pendant la délibération, définitif une fois la séance close")
    public ResponseEntity<byte[]> minutes(@PathVariable Long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("proces-verbal-jury-" + id + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF).body(sessions.minutes(id));
    }
}
