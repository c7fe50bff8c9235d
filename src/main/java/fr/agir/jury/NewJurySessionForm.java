package fr.agir.jury;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** What the sessions' page posts to create a session; dates in order are checked by the service. */
public class NewJurySessionForm {
    @NotNull(message = "Choisissez la campagne")
    private Long campaignId;
    @NotBlank(message = "Indiquez le nom de la séance")
    @Size(max = 200, message = "Au plus 200 caractères")
    private String name;
    @NotNull(message = "Indiquez la date d'ouverture de la notation")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate scoringOpens;
    @NotNull(message = "Indiquez la date de fin de la notation")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate scoringCloses;
    @NotNull(message = "Indiquez la date de la délibération")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deliberationDate;
    @NotNull(message = "Indiquez le nombre de membres par dossier")
    @Min(value = 1, message = "Entre 1 et 10 membres par dossier")
    @Max(value = 10, message = "Entre 1 et 10 membres par dossier")
    private Integer jurorsPerApplication = 3;
    private boolean preferThematics;

    JurySessionSetupService.NewSession toNewSession() {
        return new JurySessionSetupService.NewSession(campaignId, name, scoringOpens, scoringCloses, deliberationDate,
                jurorsPerApplication, preferThematics, List.of());
    }

    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getScoringOpens() { return scoringOpens; }
    public void setScoringOpens(LocalDate scoringOpens) { this.scoringOpens = scoringOpens; }
    public LocalDate getScoringCloses() { return scoringCloses; }
    public void setScoringCloses(LocalDate scoringCloses) { this.scoringCloses = scoringCloses; }
    public LocalDate getDeliberationDate() { return deliberationDate; }
    public void setDeliberationDate(LocalDate deliberationDate) { this.deliberationDate = deliberationDate; }
    public Integer getJurorsPerApplication() { return jurorsPerApplication; }
    public void setJurorsPerApplication(Integer jurorsPerApplication) { this.jurorsPerApplication = jurorsPerApplication; }
    public boolean isPreferThematics() { return preferThematics; }
    public void setPreferThematics(boolean preferThematics) { this.preferThematics = preferThematics; }
}
