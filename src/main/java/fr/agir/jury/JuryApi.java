package fr.agir.jury;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/applications/{id}/jury-result")
@Tag(name = "Jury", description = "Avis du jury")
public class JuryApi {
    private final JuryService service;

    public JuryApi(JuryService service) {
        this.service = service;
    }

    public record JuryResultInput(@NotNull(message = "Choisissez un avis") JuryResult.Verdict verdict,
                                  Integer durationYears, Map<Integer, BigDecimal> amounts, String comment) {
    }

    public record JuryResultView(Long id, JuryResult.Verdict verdict, int durationYears, String comment) {
    }

    @PostMapping
    @Operation(summary = "Enregistrer l'avis du jury (secrétariat DIEESS) : montant et durée proposés")
    public JuryResultView record(@PathVariable Long id, @Valid @RequestBody JuryResultInput in) {
        JuryResult r = service.record(id, in.verdict(), in.durationYears(), in.amounts(), in.comment());
        return new JuryResultView(r.getId(), r.getVerdict(), r.getDurationYears(), r.getComment());
    }
}
