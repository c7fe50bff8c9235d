package fr.agir.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.agir.shared.NotFoundException;
import fr.agir.workflow.FormSchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The Camunda Forms of {@code forms/}, served to the portal's form-js renderer. */
@RestController
@Tag(name = "Formulaires", description = "Schémas Camunda Forms rendus par le portail")
public class FormsApi {
    private static final Pattern FORM_ID = Pattern.compile("[a-z][a-z-]{0,60}");
    private final ConcurrentMap<String, FormSchema> cache = new ConcurrentHashMap<>();

    @GetMapping("/api/forms/{formId}")
    @Operation(summary = "Le schéma d'un formulaire (forms/<id>.form)")
    public ResponseEntity<JsonNode> form(@PathVariable String formId) {
        if (!FORM_ID.matcher(formId).matches() || FormsApi.class.getResource("/forms/" + formId + ".form") == null) {
            throw new NotFoundException("Ce formulaire n'existe pas.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(cache.computeIfAbsent(formId, FormSchema::load).json());
    }
}
