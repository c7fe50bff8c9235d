package fr.agir.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Membres des structures", description = "Qui agit pour une structure : invitations, membres")
public class JoinRequestApi {
    /** Where the 409 of a second registration of the same structure points the client. */
    public static final String PATH = "/api/structures/join-requests";

    private final JoinRequestService service;

    public JoinRequestApi(JoinRequestService service) {
        this.service = service;
    }

    public record JoinRequestInput(@Size(max = 20) String siret, @Size(max = 20) String rna,
                                   @Size(max = 1000, message = "Au plus 1000 caractères") String message) {
    }

    public record JoinRequestAnswer(String message) {
    }

    @PostMapping(PATH)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Demander au représentant légal d'une structure déjà inscrite de vous inviter "
            + "(même réponse que la structure existe ou non)")
    public JoinRequestAnswer request(@Valid @RequestBody JoinRequestInput in) {
        service.request(in.siret(), in.rna(), in.message());
        return new JoinRequestAnswer(JoinRequestService.NEUTRAL_ANSWER);
    }
}
