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

    public record CreateCampaign(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{3,40}", message = "Majuscules, chiffres et tirets") String code,
            @NotBlank String name,
            @NotNull LocalDate openingDate, @NotNull LocalDate closingDate,
            @NotNull BigDecimal envelopeOperating, @NotNull BigDecimal envelopeInvestment,
            int maxDurationYears, @NotEmpty Set<Thematic> thematics) {
    }

    public record CampaignView(Long id, String code, String name, LocalDate openingDate, LocalDate closingDate,
                               CampaignStatus status, BigDecimal envelopeOperating, BigDecimal envelopeInvestment,
                               int maxDurationYears, Set<Thematic> thematics) {
        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getCode(), c.getName(), c.getOpeningDate(), c.getClosingDate(),
                    c.getStatus(), c.getEnvelopeOperating(), c.getEnvelopeInvestment(), c.getMaxDurationYears(),
                    c.getThematics());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Programmer une campagne (administrateur) ; elle s'ouvre et se ferme à ses dates")
    public CampaignView create(@Valid @RequestBody CreateCampaign c) {
        return CampaignView.of(service.create(new CampaignService.NewCampaign(c.code(), c.name(), c.openingDate(),
                c.closingDate(), c.envelopeOperating(), c.envelopeInvestment(), c.maxDurationYears(), c.thematics())));
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
