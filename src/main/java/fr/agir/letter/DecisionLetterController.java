package fr.agir.letter;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The portal's link to a decision letter: the PDF as sent, downloaded (the application page lists them). */
@Controller
public class DecisionLetterController {
    private final DecisionLetters letters;

    public DecisionLetterController(DecisionLetters letters) {
        this.letters = letters;
    }

    @GetMapping("/portail/candidatures/{id}/courriers/{letterId}")
    public ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long letterId) {
        return DecisionLetterApi.pdf(letters.get(id, letterId));
    }
}
