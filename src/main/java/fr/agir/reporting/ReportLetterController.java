package fr.agir.reporting;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The formal reminder letter of an overdue report, as it was sent (PDF/A). */
@Controller
class ReportLetterController {
    private final OverdueReportLetter letters;

    ReportLetterController(OverdueReportLetter letters) {
        this.letters = letters;
    }

    /** {@code letterId}: the report's id (one formal notice per report), named as the other letters' routes. */
    @GetMapping("/portail/candidatures/{id}/comptes-rendus/{letterId}/mise-en-demeure")
    ResponseEntity<byte[]> formalNotice(@PathVariable Long id, @PathVariable("letterId") Long reportId) {
        Report report = letters.letterOf(id, reportId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(OverdueReportLetter.fileName(report)).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_PDF)
                .body(report.getFormalNoticePdf());
    }
}
