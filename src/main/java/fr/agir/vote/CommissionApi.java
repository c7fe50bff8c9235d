package fr.agir.vote;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Commission permanente's sittings, their report and the vote, and its elected members (DIEESS). */
@RestController
@RequestMapping("/api/commission")
@Tag(name = "Commission permanente", description = "Séances, rapport, déports et vote de la Commission permanente")
public class CommissionApi {
    private final CommissionService service;
    private final ElectedMemberService electedMembers;

    public CommissionApi(CommissionService service, ElectedMemberService electedMembers) {
        this.service = service;
        this.electedMembers = electedMembers;
    }

    public record NewSitting(Long campaignId, String number, LocalDate sittingDate) {
    }

    public record SittingView(Long id, Long campaignId, String number, LocalDate sittingDate,
                              CommissionSitting.Status status, String statusLabel, String deliberationNumber,
                              LocalDate deliberationDate, Integer lines) {
        static SittingView of(CommissionSitting s, Integer lines) {
            return new SittingView(s.getId(), s.getCampaignId(), s.getNumber(), s.getSittingDate(), s.getStatus(),
                    s.getStatus().label(), s.getDeliberationNumber(), s.getDeliberationDate(), lines);
        }
    }

    public record LineView(Long applicationId, String reference, String structure, String siret, String rna,
                           String commune, String ept, String project, String thematic, String nature,
                           String juryVerdict, int proposedDuration, Map<Integer, BigDecimal> proposedAmounts,
                           boolean adjusted, Integer adjustedDuration, Map<Integer, BigDecimal> adjustedAmounts,
                           String adjustmentReason, int reportDuration, Map<Integer, BigDecimal> reportAmounts,
                           int requestedDuration, Map<Integer, BigDecimal> requestedAmounts, boolean recusalFlag,
                           List<ElectedMemberService.Due> recusalsDue, ReportLine.Outcome outcome, Integer votedDuration,
                           Map<Integer, BigDecimal> votedAmounts, String motivation, List<String> recused,
                           String legalInstrument, String legalInstrumentLabel) {
        static LineView of(CommissionService.LineView v) {
            ReportLine l = v.line();
            return new LineView(l.getApplicationId(), v.application().getReference(), v.structure().getName(),
                    v.structure().getSiret(), v.structure().getRna(), v.structure().getCommune(),
                    v.structure().getEpt() == null ? null : v.structure().getEpt().label(), v.application().getTitle(),
                    v.application().getThematic() == null ? null : v.application().getThematic().label(),
                    l.getNature().name(), l.getJuryVerdict().name(), l.getProposedDuration(), l.proposedAmounts(),
                    l.isAdjusted(), l.getAdjustedDuration(), l.adjustedAmounts(), l.getAdjustmentReason(),
                    l.reportDuration(), l.reportAmounts(), v.application().getDurationYears(), v.requested(),
                    v.flagged(), v.recusalsDue(), l.getOutcome(), l.getVotedDuration(), l.votedAmounts(),
                    l.getMotivation(), v.recusedMembers(), v.instrument() == null ? null : v.instrument().code(),
                    v.instrument() == null ? null : v.instrument().label());
        }
    }

    public record ReportView(SittingView sitting, String campaign, List<LineView> lines, Map<Integer, BigDecimal> totals,
                             List<CommissionService.EnvelopePart> envelope, Map<String, Integer> byInstrument) {
    }

    public record Adjustment(Integer durationYears, Map<Integer, BigDecimal> amounts, String reason) {
    }

    public record Built(int added, SittingView sitting) {
    }

    public record VoteView(SittingView sitting, Map<ReportLine.Outcome, Integer> outcomes, int recusals) {
    }

    @GetMapping("/seances")
    @Operation(summary = "Les séances de la Commission permanente")
    public List<SittingView> sittings() {
        Map<Long, Integer> counts = service.lineCounts();
        return service.list().stream().map(s -> SittingView.of(s, counts.getOrDefault(s.getId(), 0))).toList();
    }

    @PostMapping("/seances")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer une séance (appel à projets, numéro, date)")
    public SittingView create(@RequestBody NewSitting in) {
        return SittingView.of(service.create(in.campaignId(), in.number(), in.sittingDate()), 0);
    }

    @GetMapping("/seances/{id}")
    @Operation(summary = "Le rapport de la séance : lignes, déports à prévoir, totaux par année et enveloppe")
    public ReportView report(@PathVariable Long id) {
        CommissionService.Report r = service.report(id);
        return new ReportView(SittingView.of(r.sitting(), r.lines().size()), r.campaign().getName(),
                r.lines().stream().map(LineView::of).toList(), r.totals().byYear(), r.totals().envelope(),
                r.totals().byInstrument());
    }

    @GetMapping("/seances/{id}/annexe.csv")
    @Operation(summary = "L'annexe du rapport en CSV (séparateur ;), pour les services de l'assemblée")
    public org.springframework.http.ResponseEntity<String> annex(@PathVariable Long id) {
        CommissionService.Report report = service.report(id);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("rapport-" + report.sitting().getNumber().replaceAll("[^A-Za-z0-9-]", "_")
                                + ".csv").build().toString())
                .body(ReportCsv.of(report));
    }

    @GetMapping("/seances/{id}/annexe.pdf")
    @Operation(summary = "L'annexe du rapport en PDF (A4 paysage, totaux par part de l'enveloppe et par année)")
    public org.springframework.http.ResponseEntity<byte[]> annexPdf(@PathVariable Long id) {
        CommissionService.Report report = service.report(id);
        return ReportAnnex.download(ReportAnnex.fileName(report, "pdf"), ReportAnnex.PDF, ReportAnnexPdf.of(report));
    }

    @GetMapping("/seances/{id}/annexe.xlsx")
    @Operation(summary = "L'annexe du rapport en classeur XLSX (une feuille des lignes, une feuille des totaux)")
    public org.springframework.http.ResponseEntity<byte[]> annexXlsx(@PathVariable Long id) {
        CommissionService.Report report = service.report(id);
        return ReportAnnex.download(ReportAnnex.fileName(report, "xlsx"), ReportAnnex.XLSX, ReportAnnexXlsx.of(report));
    }

    @PostMapping("/seances/{id}/rapport")
    @Operation(summary = "Constituer le rapport : ajoute les propositions du jury en attente de vote (et les dossiers ajournés)")
    public Built build(@PathVariable Long id) {
        int added = service.buildReport(id);
        return new Built(added, SittingView.of(service.get(id), service.lineCounts().getOrDefault(id, 0)));
    }

    @PutMapping("/seances/{id}/lignes/{applicationId}")
    @Operation(summary = "Ajuster la proposition d'une ligne (montant par année, durée), avec sa raison")
    public LineView adjust(@PathVariable Long id, @PathVariable Long applicationId, @RequestBody Adjustment in) {
        service.adjust(id, applicationId, in.durationYears(), in.amounts(), in.reason());
        return service.report(id).lines().stream().filter(v -> v.line().getApplicationId().equals(applicationId))
                .map(LineView::of).findFirst().orElseThrow();
    }

    @PostMapping("/seances/{id}/envoi")
    @Operation(summary = "Marquer le rapport comme envoyé aux élus (il n'est plus modifiable)")
    public SittingView send(@PathVariable Long id) {
        return SittingView.of(service.sendReport(id), service.lineCounts().getOrDefault(id, 0));
    }

    @PostMapping("/seances/{id}/vote")
    @Operation(summary = "Enregistrer le vote de la séance en une fois : délibération (CP-AAAA-MM-NNN, date), "
            + "lignes adoptées par défaut, exceptions (amendée, rejetée motivée, ajournée) et déports")
    public VoteView vote(@PathVariable Long id, @RequestBody CommissionService.VoteInput in) {
        CommissionService.VoteSummary summary = service.recordVote(id, in);
        return new VoteView(SittingView.of(summary.sitting(), service.lineCounts().getOrDefault(id, 0)),
                summary.outcomes(), summary.recusals());
    }

    // ---- elected members

    public record NewMember(String fullName) {
    }

    public record MemberStatus(Long memberId, Boolean active) {
    }

    public record NewLink(Long memberId, Long structureId, String siretOrRna, ElectedMemberLink.Kind kind,
                          String description) {
    }

    public record LinkRemoval(Long linkId) {
    }

    public record LinkOut(Long id, Long structureId, String structure, ElectedMemberLink.Kind kind, String kindLabel,
                          String description) {
    }

    public record MemberOut(Long id, String fullName, boolean active, List<LinkOut> links) {
        static MemberOut of(ElectedMemberService.MemberView v) {
            return new MemberOut(v.member().getId(), v.member().getFullName(), v.member().isActive(),
                    v.links().stream().map(l -> new LinkOut(l.link().getId(), l.link().getStructureId(),
                            l.structure() == null ? null : l.structure().getName(), l.link().getKind(),
                            l.link().getKind().label(), l.link().getDescription())).toList());
        }
    }

    @GetMapping("/elus")
    @Operation(summary = "Les élus de la Commission permanente et leurs liens déclarés avec des structures")
    public List<MemberOut> members() {
        return electedMembers.list().stream().map(MemberOut::of).toList();
    }

    @PostMapping("/elus")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ajouter un élu")
    public MemberOut addMember(@RequestBody NewMember in) {
        ElectedMember m = electedMembers.add(in.fullName());
        return new MemberOut(m.getId(), m.getFullName(), m.isActive(), List.of());
    }

    @PostMapping("/elus/statut")
    @Operation(summary = "Un élu siège ou ne siège plus à la Commission (un élu inactif ne signale aucun déport)")
    public List<MemberOut> setActive(@RequestBody MemberStatus in) {
        electedMembers.setActive(in.memberId(), in.active() == null || in.active());
        return members();
    }

    @PostMapping("/elus/liens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Déclarer un lien d'un élu avec une structure (par son id, ou son SIRET ou RNA)")
    public LinkOut declareLink(@RequestBody NewLink in) {
        ElectedMemberLink l = electedMembers.declareLink(in.memberId(), in.structureId(), in.siretOrRna(), in.kind(),
                in.description());
        return new LinkOut(l.getId(), l.getStructureId(), null, l.getKind(), l.getKind().label(), l.getDescription());
    }

    @PostMapping("/elus/liens/retrait")
    @Operation(summary = "Retirer un lien déclaré")
    public List<MemberOut> removeLink(@RequestBody LinkRemoval in) {
        electedMembers.removeLink(in.linkId());
        return members();
    }
}
