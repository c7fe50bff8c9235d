package fr.agir.vote;

import fr.agir.shared.French;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the report's annexes (PDF, XLSX) share: their title, file names, content types, and what a
 * line shows — the amounts the report counts (the adjusted ones when adjusted, marked; the voted ones
 * once voted), the duration, the legal act and the déport flag.
 */
final class ReportAnnex {
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The mark of an amount the DIEESS adjusted (the note under the table says so). */
    static final String ADJUSTED_MARK = "*";

    private ReportAnnex() {
    }

    static String title(CommissionService.Report report) {
        return "Annexe au rapport — séance n° " + report.sitting().getNumber() + " du "
                + French.date(report.sitting().getSittingDate());
    }

    static String fileName(CommissionService.Report report, String extension) {
        return "annexe-rapport-" + report.sitting().getNumber().replaceAll("[^A-Za-z0-9-]", "_") + "." + extension;
    }

    static ResponseEntity<byte[]> download(String fileName, String contentType, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** The amounts per year the line counts: voted once voted (none when rejected or adjourned), else proposed. */
    static Map<Integer, BigDecimal> amounts(ReportLine line) {
        return line.getOutcome() == null ? line.reportAmounts() : line.votedAmounts();
    }

    static Integer duration(ReportLine line) {
        return line.getOutcome() == null ? Integer.valueOf(line.reportDuration()) : line.getVotedDuration();
    }

    /** True when the amounts shown are the DIEESS's adjustment of the jury's proposal. */
    static boolean adjustedShown(ReportLine line) {
        return line.isAdjusted() && line.getOutcome() == null;
    }

    static String identifier(CommissionService.LineView v) {
        return v.structure().getSiret() != null ? "SIRET " + v.structure().getSiret()
                : v.structure().getRna() != null ? "RNA " + v.structure().getRna() : "";
    }

    static String deport(CommissionService.LineView v) {
        if (!v.recusedMembers().isEmpty()) {
            return "Oui (retrait : " + String.join(", ", v.recusedMembers()) + ")";
        }
        return v.flagged() ? "Oui" : "Non";
    }

    static String outcome(ReportLine line) {
        return line.getOutcome() == null ? "" : line.getOutcome().label();
    }

    /** "1 dossier", "300 dossiers". */
    static String count(int lines) {
        return CommissionService.count(lines, "dossier", "dossiers");
    }
}
