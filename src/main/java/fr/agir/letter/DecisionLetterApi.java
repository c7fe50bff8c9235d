package fr.agir.letter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The decision letters of an application, for its structure's members and DIEESS staff. */
@RestController
@Tag(name = "Courriers", description = "Courriers de décision envoyés après le vote de la Commission permanente")
public class DecisionLetterApi {
    private final DecisionLetters letters;

    public DecisionLetterApi(DecisionLetters letters) {
        this.letters = letters;
    }

    /** kind: ATTRIBUTION, REFUSAL, AMENDMENT or WITHDRAWAL; sha256: the PDF's digest, as sent. */
    public record LetterView(Long id, Long applicationId, Long decisionId, LetterKind kind, String title,
                             String fileName, String sha256, Instant sentAt) {
        static LetterView of(DecisionLetterRepository.Line l) {
            return new LetterView(l.getId(), l.getApplicationId(), l.getDecisionId(), l.getKind(), l.getKind().title(),
                    l.getFileName(), l.getSha256(), l.getCreatedAt());
        }
    }

    @GetMapping("/api/applications/{id}/letters")
    @Operation(summary = "Les courriers de décision d'une candidature (attribution, refus)")
    public List<LetterView> list(@PathVariable Long id) {
        return letters.list(id).stream().map(LetterView::of).toList();
    }

    @GetMapping(value = "/api/applications/{id}/letters/{letterId}/content", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Un courrier de décision, en PDF, tel qu'il a été envoyé")
    public ResponseEntity<byte[]> content(@PathVariable Long id, @PathVariable Long letterId) {
        return pdf(letters.get(id, letterId));
    }

    /** The PDF as an attachment, under the name it was sent with. */
    static ResponseEntity<byte[]> pdf(DecisionLetter letter) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(letter.getFileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letter.getContent());
    }
}
