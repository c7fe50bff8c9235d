package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The instructor's synthesis through its form (forms/synthesis.form). */
@RestController
@Tag(name = "Instruction", description = "Recevabilité, avis des directions, synthèse")
public class SynthesisApi {
    private final SynthesisService synthesis;

    public SynthesisApi(SynthesisService synthesis) {
        this.synthesis = synthesis;
    }

    @GetMapping("/api/applications/{id}/synthesis/form")
    @Operation(summary = "Le formulaire de synthèse pré-rempli : avis reçus, montants demandés comme montants proposés")
    public Map<String, JsonNode> form(@PathVariable Long id) {
        return Map.of("data", synthesis.formData(id));
    }

    @PostMapping("/api/applications/{id}/synthesis/form")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Rédiger la synthèse avec le formulaire « synthesis » (vérifié avec le même schéma)")
    public void submit(@PathVariable Long id, @Valid @RequestBody ReviewerApi.FormInput in) {
        synthesis.submit(id, in.data());
    }
}
