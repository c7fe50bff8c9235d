package fr.agir.jury;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfDocumentBuilder;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The minutes (procès-verbal) of a jury session as a PDF: who sat, the grid, the ranking with each
 * application's scores, who stepped aside for a conflict of interest, the jury's opinion and
 * proposal, and the envelope. A draft while the deliberation is open, final once the session is closed.
 */
final class JuryMinutes {
    private JuryMinutes() {
    }

    static byte[] render(JurySessionService.Overview overview, Map<Long, Set<String>> steppedAside) {
        JurySessionService.Ranking ranking = overview.ranking();
        JurySession session = overview.session();
        boolean closed = session.getPhase() == JurySession.Phase.CLOSED;
        String title = (closed ? "Procès-verbal" : "Projet de procès-verbal") + " — " + session.getName();
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(title)
                .heading("Département de la Seine-Saint-Denis — Appel à Agir")
                .heading(title)
                .field("Campagne", overview.campaign().getName() + " (" + overview.campaign().getCode() + ")")
                .field("Notation", "du " + French.date(session.getScoringOpens()) + " au " + French.date(session.getScoringCloses()))
                .field("Délibération", French.longDate(session.getDeliberationDate()))
                .field("Membres par dossier", String.valueOf(session.getJurorsPerApplication()));
        if (closed) {
            pdf.field("Séance close", French.dateTime(session.getClosedAt()) + " par " + session.getClosedBy());
        } else {
            pdf.paragraph("Document provisoire : la délibération est en cours.");
        }
        pdf.section("Membres du jury");
        Map<String, String> names = new java.util.HashMap<>();
        overview.members().forEach(m -> {
            names.put(m.getUsername(), m.getDisplayName());
            pdf.paragraph("- " + m.getDisplayName());
        });
        if (overview.grid() != null) {
            pdf.section("Grille de notation (version " + overview.grid().getGridVersion() + ")");
            for (GridCriterion c : overview.grid().getCriteria()) {
                pdf.paragraph("- " + c.getLabel() + " : de " + c.getScaleMin() + " à " + c.getScaleMax() + ", poids "
                        + French.number(c.getWeight()) + (c.isRequired() ? ", obligatoire" : "")
                        + (c.isEliminatory() ? ", éliminatoire sous " + French.number(c.getEliminatoryBelow()) : ""));
            }
            pdf.paragraph("Note pondérée de chaque membre sur 20 ; moyenne, médiane et écart entre la plus haute et la "
                    + "plus basse des notes des membres.");
        }
        pdf.section("Classement et propositions");
        int rank = 0;
        for (JurySessionService.RankingRow row : ranking.rows()) {
            rank++;
            JuryStatistics.Aggregate a = row.aggregate();
            pdf.paragraph(rank + ". " + row.application().getReference() + " — " + row.structureName() + " — "
                    + row.application().getTitle());
            pdf.field("   Thématique, territoire", (row.application().getThematic() == null ? "—"
                    : row.application().getThematic().label()) + ", " + (row.ept().isEmpty() ? "—" : row.ept()));
            pdf.field("   Demandé", French.amountsByYear(row.requested()));
            pdf.field("   Notes", a.count() == 0 ? "aucune note soumise" : JurySessionService.count(a.count(), "note", "notes") + " ; moyenne "
                    + JuryStatistics.format(a.mean()) + " ; médiane " + JuryStatistics.format(a.median()) + " ; écart "
                    + JuryStatistics.format(a.spread()) + (a.disagreement() ? " (désaccord marqué)" : ""));
            if (!row.eliminatedBy().isEmpty()) {
                pdf.field("   Éliminé par la grille", String.join(", ", row.eliminatedBy()));
            }
            Set<String> aside = steppedAside.getOrDefault(row.application().getId(), Set.of());
            pdf.field("   Membres en retrait (conflit d'intérêts)", aside.isEmpty() ? "aucun"
                    : String.join(", ", aside.stream().map(u -> names.getOrDefault(u, u)).sorted().toList()));
            SessionApplication p = row.proposal();
            pdf.field("   Avis du jury", p.getVerdict() == null ? "non rendu"
                    : p.isFavourable() ? "favorable, " + JurySessionService.count(p.getDurationYears(), "an", "ans") + ", " + French.amountsByYear(p.amounts())
                    + " (" + p.getNature().label().toLowerCase(java.util.Locale.ROOT) + ")" : "défavorable");
            if (p.getComment() != null) {
                pdf.field("   Motivation", p.getComment());
            }
        }
        pdf.section("Enveloppe de la campagne (première année)");
        ranking.envelope().parts().forEach((nature, part) -> pdf.field(nature.label(),
                Money.format(part.proposed()) + " proposés ; " + Money.format(part.committed())
                        + " déjà proposés par d'autres séances ; " + Money.format(part.available()) + " disponibles ; reste "
                        + Money.format(part.remaining())));
        BigDecimal second = ranking.envelope().secondYear();
        pdf.field("Deuxième année (exercice suivant)", Money.format(second));
        pdf.paragraph("Le jury est consultatif : ses propositions sont soumises au vote de la Commission permanente.");
        return pdf.build();
    }
}
