package fr.agir.campaign;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import fr.agir.structure.DocumentType;
import fr.agir.structure.LegalForm;
import org.springframework.web.bind.annotation.PutMapping;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Campagnes", description = "Éditions de l'Appel à Agir")
public class CampaignApi {
    private final CampaignService service;

    public CampaignApi(CampaignService service) {
        this.service = service;
    }

    /**
     * A campaign's settings. Beyond the first eight (required), all optional: times (Europe/Paris, default
     * 00:00 and the end of the closing day), sub-themes per thematic, eligible legal forms (none: all),
     * required pieces (none given: the default list), minimum and maximum amount per year, the campaign's
     * own deadlines as ISO-8601 periods (none: the configuration's).
     */
    public record CreateCampaign(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "Majuscules, chiffres et tirets") String code,
            @NotBlank String name,
            @NotNull LocalDate openingDate, @NotNull LocalDate closingDate,
            @NotNull BigDecimal envelopeOperating, @NotNull BigDecimal envelopeInvestment,
            int maxDurationYears, @NotEmpty Set<Thematic> thematics,
            LocalTime openingTime, LocalTime closingTime, Map<Thematic, List<String>> subThemes,
            Set<LegalForm> legalForms, Set<DocumentType> requiredDocuments, BigDecimal minAmount, BigDecimal maxAmount,
            String deadlineMissingPieces, String deadlineOpinion, String deadlineReport) {
        CampaignSettings settings() {
            return new CampaignSettings(code, name, openingDate, openingTime, closingDate, closingTime,
                    envelopeOperating, envelopeInvestment, maxDurationYears, thematics, subThemes, legalForms,
                    requiredDocuments == null || requiredDocuments.isEmpty()
                            ? java.util.EnumSet.copyOf(DocumentType.required()) : requiredDocuments,
                    minAmount, maxAmount, deadlineMissingPieces, deadlineOpinion, deadlineReport);
        }
    }

    public record CampaignView(Long id, String code, String name, LocalDate openingDate, LocalDate closingDate,
                               CampaignStatus status, BigDecimal envelopeOperating, BigDecimal envelopeInvestment,
                               int maxDurationYears, Set<Thematic> thematics, LocalTime openingTime,
                               LocalTime closingTime, Map<Thematic, List<String>> subThemes, Set<LegalForm> legalForms,
                               Set<DocumentType> requiredDocuments, BigDecimal minAmount, BigDecimal maxAmount,
                               String deadlineMissingPieces, String deadlineOpinion, String deadlineReport) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getCode(), c.getName(), c.getOpeningDate(), c.getClosingDate(),
                    c.getStatus(), c.getEnvelopeOperating(), c.getEnvelopeInvestment(), c.getMaxDurationYears(),
                    c.getThematics(), c.getOpeningTime(), c.getClosingTime(), c.getSubThemes(), c.getLegalForms(),
                    c.getRequiredDocuments(), c.getMinAmount(), c.getMaxAmount(), c.getDeadlineMissingPieces(),
                    c.getDeadlineOpinion(), c.getDeadlineReport());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Programmer une campagne (administrateur) ; elle s'ouvre et se ferme à ses dates")
    public CampaignView create(@Valid @RequestBody CreateCampaign c) {
        return CampaignView.of(service.create(c.settings()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Modifier une campagne (administrateur) : tout avant l'ouverture ; ensuite seulement "
            + "la clôture (repoussée, jamais avancée une fois des candidatures créées) et les délais ; tracé")
    public CampaignView update(@PathVariable Long id, @Valid @RequestBody CreateCampaign c) {
        return CampaignView.of(service.update(id, c.settings()));
    }

    @GetMapping
    @Operation(summary = "Les campagnes, la plus récente d'abord")
    public List<CampaignView> all() {
        return service.all().stream().map(CampaignView::of).toList();
    }

    @GetMapping("/{id}")
    public CampaignView get(@PathVariable Long id) {
        return CampaignView.of(service.get(id));
    }
}
