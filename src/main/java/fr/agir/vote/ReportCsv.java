package fr.agir.vote;

import fr.agir.shared.Csv;
import fr.agir.shared.French;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report's annex as CSV for the assembly's services: one line per application, ';'-separated,
 * French decimals, UTF-8 with a byte-order mark (a spreadsheet then reads the accents right).
 */
final class ReportCsv {
    private static final List<String> HEADER = List.of("Référence", "Structure", "SIRET", "RNA", "Commune", "EPT",
            "Projet", "Thématique", "Part de l'enveloppe", "Durée proposée (ans)", "Montant proposé année 1",
            "Montant proposé année 2", "Acte juridique", "Proposition du jury année 1", "Proposition du jury année 2",
            "Motif de l'ajustement", "Déport à prévoir", "Décision", "Montant voté année 1", "Montant voté année 2",
            "Motivation", "Élus retirés");

    private ReportCsv() {
    }

    static String of(CommissionService.Report report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER);
        for (CommissionService.LineView v : report.lines()) {
            ReportLine l = v.line();
            line(out, List.of(v.application().getReference(), v.structure().getName(), text(v.structure().getSiret()),
                    text(v.structure().getRna()), text(v.structure().getCommune()),
                    v.structure().getEpt() == null ? "" : v.structure().getEpt().label(), text(v.application().getTitle()),
                    v.application().getThematic() == null ? "" : v.application().getThematic().label(),
                    l.getNature().label(), String.valueOf(l.reportDuration()), amount(l.reportAmounts(), 1),
                    amount(l.reportAmounts(), 2), v.instrumentLabel(), amount(l.proposedAmounts(), 1), amount(l.proposedAmounts(), 2),
                    text(l.getAdjustmentReason()),
                    v.recusalsDue().stream().map(ElectedMemberService.Due::label).collect(Collectors.joining(", ")),
                    l.getOutcome() == null ? "" : l.getOutcome().label(), amount(l.votedAmounts(), 1),
                    amount(l.votedAmounts(), 2), text(l.getMotivation()), String.join(", ", v.recusedMembers())));
        }
        return out.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String amount(Map<Integer, BigDecimal> amounts, int year) {
        BigDecimal amount = amounts.get(year);
        return amount == null ? "" : French.number(amount.setScale(2));
    }

    private static void line(StringBuilder out, List<String> cells) {
        Csv.line(out, cells);
    }
}
