package fr.agir.jury;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The jury member's side: his sessions, conflicts and mandates, the applications assigned to him, his scores. */
@RestController
@Tag(name = "Jury (membres)", description = "Conflits d'intérêts, dossiers confiés, notation")
public class JuryMemberApi {
    private final ScoringService scoring;
    private final ConflictService conflicts;

    public JuryMemberApi(ScoringService scoring, ConflictService conflicts) {
        this.scoring = scoring;
        this.conflicts = conflicts;
    }

    public record MySessionView(Long id, String name, JurySession.Phase phase, java.time.LocalDate scoringCloses,
                                List<ScoringService.Assigned> assigned, List<ScoringService.Taken> applications) {
        static MySessionView of(ScoringService.MySession s) {
            return new MySessionView(s.session().getId(), s.session().getName(), s.session().getPhase(),
                    s.session().getScoringCloses(), s.assigned(), s.taken());
        }
    }

    @GetMapping("/api/jury/my-sessions")
    @Operation(summary = "Mes séances de jury, mes dossiers à noter, et les structures sur lesquelles déclarer un conflit")
    public List<MySessionView> mySessions() {
        return scoring.mySessions().stream().map(MySessionView::of).toList();
    }

    @GetMapping("/api/jury/my-sessions/{id}")
    @Operation(summary = "Une de mes séances")
    public MySessionView mySession(@PathVariable Long id) {
        return MySessionView.of(scoring.mySession(id));
    }

    public record CaseView(Long applicationId, String reference, String title, String description, String thematic,
                           String targetPublic, String territory, int durationYears, String structureName,
                           String commune, String ept, String legalForm, Map<Integer, BigDecimal> requested,
                           Map<Integer, BigDecimal> proposedBySynthesis, String synthesis, List<OpinionView> opinions,
                           JurySessionApi.GridView grid, ScoreView myScore) {
    }

    public record OpinionView(String directorate, String status, String verdict, String comment) {
    }

    public record ScoreView(JuryScore.Status status, Map<Long, Integer> values, String comment, BigDecimal weighted) {
        static ScoreView of(JuryScore s) {
            return s == null ? null : new ScoreView(s.getStatus(), s.getValues(), s.getComment(), s.getWeighted());
        }
    }

    @GetMapping("/api/jury/my-sessions/{id}/applications/{applicationId}")
    @Operation(summary = "Un dossier qui m'est confié : résumé, avis des directions, synthèse, grille, ma note")
    public CaseView juryCase(@PathVariable Long id, @PathVariable Long applicationId) {
        ScoringService.JuryCase c = scoring.juryCase(id, applicationId);
        var a = c.application();
        return new CaseView(a.getId(), a.getReference(), a.getTitle(), a.getDescription(),
                a.getThematic() == null ? null : a.getThematic().label(),
                a.getTargetPublic() == null ? null : a.getTargetPublic().label(), a.getTerritory(), a.getDurationYears(),
                c.structure().getName(), c.structure().getCommune(),
                c.structure().getEpt() == null ? null : c.structure().getEpt().label(),
                c.structure().getLegalForm() == null ? null : c.structure().getLegalForm().label(), c.requested(),
                c.proposed(), a.getSynthesis(), c.opinions().stream().map(o -> new OpinionView(o.getDirectorate().name(),
                        o.statusLabel(), o.getVerdict() == null ? null : o.getVerdict().label(), o.getComment())).toList(),
                c.grid() == null ? null : JurySessionApi.GridView.of(c.grid()), ScoreView.of(c.myScore()));
    }

    public record ScoreInput(Map<Long, Integer> values, String comment) {
    }

    @PutMapping("/api/jury/my-sessions/{id}/applications/{applicationId}/score")
    @Operation(summary = "Enregistrer ma note en brouillon")
    public ScoreView saveScore(@PathVariable Long id, @PathVariable Long applicationId, @RequestBody ScoreInput in) {
        return ScoreView.of(scoring.score(id, applicationId, in == null ? null : in.values(),
                in == null ? null : in.comment(), false));
    }

    @PostMapping("/api/jury/my-sessions/{id}/applications/{applicationId}/score")
    @Operation(summary = "Soumettre ma note (définitive) ; les notes des autres membres deviennent visibles")
    public ScoreView submitScore(@PathVariable Long id, @PathVariable Long applicationId, @RequestBody ScoreInput in) {
        return ScoreView.of(scoring.score(id, applicationId, in == null ? null : in.values(),
                in == null ? null : in.comment(), true));
    }

    public record OtherScoreView(String member, BigDecimal weighted, Map<Long, Integer> values, String comment,
                                 boolean mine) {
    }

    public record ScoresView(List<OtherScoreView> scores, int count, BigDecimal mean, BigDecimal median,
                             BigDecimal standardDeviation, BigDecimal spread, boolean disagreement,
                             List<String> eliminatedBy) {
    }

    @GetMapping("/api/jury/my-sessions/{id}/applications/{applicationId}/scores")
    @Operation(summary = "Les notes des membres sur ce dossier, une fois la mienne soumise")
    public ScoresView scores(@PathVariable Long id, @PathVariable Long applicationId) {
        ScoringService.Scores s = scoring.othersScores(id, applicationId);
        JuryStatistics.Aggregate a = s.aggregate();
        return new ScoresView(s.scores().stream().map(o -> new OtherScoreView(o.member(), o.weighted(), o.values(),
                o.comment(), o.mine())).toList(), a.count(), a.mean(), a.median(), a.standardDeviation(), a.spread(),
                a.disagreement(), s.eliminatedBy());
    }

    @GetMapping("/api/jury/my-sessions/{id}/ranking")
    @Operation(summary = "Le classement de la délibération, sans les dossiers avec lesquels je suis en conflit")
    public JurySessionApi.RankingView ranking(@PathVariable Long id,
                                              @RequestParam(defaultValue = "MEAN") JurySessionService.RankingOrder sort) {
        return JurySessionApi.RankingView.of(scoring.ranking(id, sort));
    }

    // ---- conflicts and mandates

    public record DeclareInput(Long structureId, JuryConflict.Type type, String comment) {
    }

    @GetMapping("/api/jury/my-conflicts")
    @Operation(summary = "Mes conflits d'intérêts, déclarés ou suggérés par Agir")
    public List<JurySessionApi.ConflictView> myConflicts() {
        return conflicts.mine().stream().map(JurySessionApi.ConflictView::of).toList();
    }

    @PostMapping("/api/jury/my-conflicts")
    @Operation(summary = "Déclarer un conflit d'intérêts avec une structure d'une de mes séances")
    public JurySessionApi.ConflictView declare(@RequestBody DeclareInput in) {
        return JurySessionApi.ConflictView.of(conflicts.declare(in == null ? null : in.structureId(),
                in == null ? null : in.type(), in == null ? null : in.comment()));
    }

    @DeleteMapping("/api/jury/my-conflicts/{id}")
    @Operation(summary = "Retirer ma déclaration (sauf si un administrateur l'a confirmée ou épinglée)")
    public ResponseEntity<Void> withdraw(@PathVariable Long id) {
        conflicts.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    public record MandateInput(String organisation, String siren, String rna, String role) {
    }

    public record MandateView(Long id, String organisation, String siren, String rna, String role) {
        static MandateView of(JuryMandate m) {
            return new MandateView(m.getId(), m.getOrganisation(), m.getSiren(), m.getRna(), m.getRole());
        }
    }

    @GetMapping("/api/jury/my-mandates")
    @Operation(summary = "Mes mandats déclarés (conseils d'administration, emplois, bénévolat)")
    public List<MandateView> myMandates() {
        return conflicts.myMandates().stream().map(MandateView::of).toList();
    }

    @PostMapping("/api/jury/my-mandates")
    @Operation(summary = "Déclarer un mandat : Agir en déduit des conflits probables (même SIREN ou RNA)")
    public MandateView declareMandate(@RequestBody MandateInput in) {
        return MandateView.of(conflicts.declareMandate(in == null ? null : in.organisation(),
                in == null ? null : in.siren(), in == null ? null : in.rna(), in == null ? null : in.role()));
    }
}
