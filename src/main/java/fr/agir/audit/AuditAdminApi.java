package fr.agir.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Journal d'audit", description = "Vérification de la chaîne d'empreintes (administrateurs)")
class AuditAdminApi {
    private final AuditChain chain;

    AuditAdminApi(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping("/verification")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Scelle les événements en attente, parcourt la chaîne et signale son premier maillon rompu")
    public AuditChain.Verification verification() {
        return chain.verify();
    }
}
