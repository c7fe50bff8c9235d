package fr.agir.structure;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/structures")
@Tag(name = "Structures", description = "Dossier unique des structures")
public class StructureApi {
    private final StructureService service;

    public StructureApi(StructureService service) {
        this.service = service;
    }

    public record RegisterStructure(
            @NotBlank(message = "Le nom est obligatoire") @Size(max = 200) String name,
            @NotNull(message = "La forme juridique est obligatoire") LegalForm legalForm,
            String siret, String rna,
            @Size(max = 300) String addressLine,
            @Size(max = 5) String postalCode,
            @Size(max = 100) String commune,
            @NotBlank(message = "Le représentant légal est obligatoire") @Size(max = 200) String legalRepName,
            @NotBlank(message = "L'e-mail du représentant légal est obligatoire") @Email(message = "E-mail invalide") String legalRepEmail,
            String iban, String bic) {
    }

    public record StructureView(Long id, String name, LegalForm legalForm, String siret, String siren, String rna,
                                String addressLine, String postalCode, String commune, String communeInsee,
                                Ept ept, String eptName, String legalRepName, String legalRepEmail, String iban,
                                String bic) {
        static StructureView of(Structure s) {
            return new StructureView(s.getId(), s.getName(), s.getLegalForm(), s.getSiret(), s.getSiren(), s.getRna(),
                    s.getAddressLine(), s.getPostalCode(), s.getCommune(), s.getCommuneInsee(), s.getEpt(),
                    s.getEpt() == null ? null : s.getEpt().label(), s.getLegalRepName(), s.getLegalRepEmail(),
                    s.getIban(), s.getBic());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Créer le dossier unique d'une structure (le demandeur en devient représentant légal)")
    public StructureView register(@Valid @RequestBody RegisterStructure r) {
        return StructureView.of(service.register(new StructureService.Registration(r.name(), r.legalForm(), r.siret(),
                r.rna(), r.addressLine(), r.postalCode(), r.commune(), r.legalRepName(), r.legalRepEmail(), r.iban(),
                r.bic())));
    }

    @GetMapping
    @Operation(summary = "Mes structures")
    public List<StructureView> mine() {
        return service.mine().stream().map(StructureView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une structure (seulement les siennes pour un porteur de projet)")
    public StructureView get(@PathVariable Long id) {
        return StructureView.of(service.visible(id));
    }
}
