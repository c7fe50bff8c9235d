package fr.agir.instruction;

import fr.agir.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The portal's answer to a request for missing pieces: the process resumes at the completeness check. */
@RestController
public class MissingPiecesController {
    private final InstructionService instruction;

    public MissingPiecesController(InstructionService instruction) {
        this.instruction = instruction;
    }

    @PostMapping("/portail/candidatures/{id}/pieces")
    public ResponseEntity<String> answer(@PathVariable Long id, @RequestParam(required = false) String comment) {
        instruction.answerMissingPieces(id, comment);
        return Page.seeOther("/portail/candidatures/" + id + "?ok=pieces");
    }
}
