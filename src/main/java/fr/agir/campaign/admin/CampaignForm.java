package fr.agir.campaign.admin;

import fr.agir.campaign.CampaignSettings;
import fr.agir.campaign.Thematic;
import fr.agir.structure.DocumentType;
import fr.agir.structure.LegalForm;
import fr.agir.web.FormErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The campaign form as typed: amounts in French ("1 200 000,50"), deadlines in days or months (blank:
 * the configuration's), sub-themes one per line under each thematic. {@link #toSettings} turns it into
 * the service's settings, putting what cannot be read next to its field.
 */
public class CampaignForm {
    private String code;
    private String name;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate openingDate;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime openingTime = LocalTime.of(9, 0);
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closingDate;
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime closingTime = LocalTime.of(23, 59);
    private String envelopeOperating;
    private String envelopeInvestment;
    private Integer maxDurationYears = 2;
    private List<Thematic> thematics = new ArrayList<>();
    private Map<String, String> subThemes = new LinkedHashMap<>();
    private List<LegalForm> legalForms = new ArrayList<>();
    private List<DocumentType> requiredDocuments = new ArrayList<>(DocumentType.required());
    private String minAmount;
    private String maxAmount;
    private String deadlineMissingPiecesDays;
    private String deadlineOpinionDays;
    private String deadlineReportMonths;

    /** The form filled with a campaign's settings (editing, or a duplicate of last year's). */
    public static CampaignForm of(CampaignSettings s) {
        CampaignForm f = new CampaignForm();
        f.code = s.code();
        f.name = s.name();
        f.openingDate = s.openingDate();
        f.openingTime = s.openingTime();
        f.closingDate = s.closingDate();
        f.closingTime = s.closingTime().withSecond(0);
        f.envelopeOperating = typed(s.envelopeOperating());
        f.envelopeInvestment = typed(s.envelopeInvestment());
        f.maxDurationYears = s.maxDurationYears();
        f.thematics = new ArrayList<>(s.thematics().stream().sorted().toList());
        s.subThemes().forEach((t, labels) -> f.subThemes.put(t.name(), String.join("\n", labels)));
        f.legalForms = new ArrayList<>(s.legalForms().stream().sorted().toList());
        f.requiredDocuments = new ArrayList<>(s.requiredDocuments().stream().sorted().toList());
        f.minAmount = typed(s.minAmount());
        f.maxAmount = typed(s.maxAmount());
        f.deadlineMissingPiecesDays = days(s.deadlineMissingPieces());
        f.deadlineOpinionDays = days(s.deadlineOpinion());
        f.deadlineReportMonths = months(s.deadlineReport());
        return f;
    }

    /** The settings typed; what could not be read is null, its error in {@code result}. */
    public CampaignSettings toSettings(BindingResult result) {
        BigDecimal operating = amount("envelopeOperating", envelopeOperating, result);
        BigDecimal investment = amount("envelopeInvestment", envelopeInvestment, result);
        BigDecimal min = amount("minAmount", minAmount, result);
        BigDecimal max = amount("maxAmount", maxAmount, result);
        String missing = period("deadlineMissingPiecesDays", deadlineMissingPiecesDays, "D", result);
        String opinion = period("deadlineOpinionDays", deadlineOpinionDays, "D", result);
        String report = period("deadlineReportMonths", deadlineReportMonths, "M", result);
        Map<Thematic, List<String>> fiches = new EnumMap<>(Thematic.class);
        subThemes.forEach((key, text) -> {
            Thematic thematic = Arrays.stream(Thematic.values()).filter(t -> t.name().equals(key)).findFirst().orElse(null);
            List<String> lines = text == null ? List.of()
                    : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (thematic == null) {
                FormErrors.reject(result, "thematics", "Thématique inconnue : " + key);
            } else if (!lines.isEmpty()) {
                fiches.put(thematic, lines);
            }
        });
        return new CampaignSettings(code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT), name,
                openingDate, openingTime, closingDate,
                closingTime == null ? null : closingTime.equals(LocalTime.of(23, 59)) ? fr.agir.campaign.Campaign.END_OF_DAY : closingTime,
                operating, investment, maxDurationYears == null ? 0 : maxDurationYears,
                enums(thematics, Thematic.class), fiches, enums(legalForms, LegalForm.class),
                enums(requiredDocuments, DocumentType.class),
                min, max, missing, opinion, report);
    }

    /** The values ticked (a checkbox group with none ticked binds nothing). */
    private static <E extends Enum<E>> java.util.Set<E> enums(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(java.util.Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    private static BigDecimal amount(String field, String typed, BindingResult result) {
        try {
            return FormErrors.decimal(typed);
        } catch (NumberFormatException e) {
            FormErrors.reject(result, field, "Montant en euros, par exemple 1 200 000 ou 12 500,50");
            return null;
        }
    }

    private static String period(String field, String typed, String unit, BindingResult result) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(typed.strip());
            if (n < 1 || n > ("D".equals(unit) ? 365 : 24)) {
                FormErrors.reject(result, field, "D".equals(unit) ? "Entre 1 et 365 jours, ou vide pour la valeur par défaut"
                        : "Entre 1 et 24 mois, ou vide pour la valeur par défaut");
                return null;
            }
            return "P" + n + unit;
        } catch (NumberFormatException e) {
            FormErrors.reject(result, field, "Un nombre entier, ou vide pour la valeur par défaut");
            return null;
        }
    }

    private static String typed(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }

    static String days(String iso) {
        return iso == null ? null : String.valueOf(Period.parse(iso).getDays());
    }

    static String months(String iso) {
        if (iso == null) {
            return null;
        }
        Period p = Period.parse(iso);
        return String.valueOf(p.getYears() * 12 + p.getMonths());
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public LocalDate getOpeningDate() { return openingDate; }
    public void setOpeningDate(LocalDate openingDate) { this.openingDate = openingDate; }
    public LocalTime getOpeningTime() { return openingTime; }
    public void setOpeningTime(LocalTime openingTime) { this.openingTime = openingTime; }
    public LocalDate getClosingDate() { return closingDate; }
    public void setClosingDate(LocalDate closingDate) { this.closingDate = closingDate; }
    public LocalTime getClosingTime() { return closingTime; }
    public void setClosingTime(LocalTime closingTime) { this.closingTime = closingTime; }
    public String getEnvelopeOperating() { return envelopeOperating; }
    public void setEnvelopeOperating(String envelopeOperating) { this.envelopeOperating = envelopeOperating; }
    public String getEnvelopeInvestment() { return envelopeInvestment; }
    public void setEnvelopeInvestment(String envelopeInvestment) { this.envelopeInvestment = envelopeInvestment; }
    public Integer getMaxDurationYears() { return maxDurationYears; }
    public void setMaxDurationYears(Integer maxDurationYears) { this.maxDurationYears = maxDurationYears; }
    public List<Thematic> getThematics() { return thematics; }
    public void setThematics(List<Thematic> thematics) { this.thematics = thematics; }
    public Map<String, String> getSubThemes() { return subThemes; }
    public void setSubThemes(Map<String, String> subThemes) { this.subThemes = subThemes; }
    public List<LegalForm> getLegalForms() { return legalForms; }
    public void setLegalForms(List<LegalForm> legalForms) { this.legalForms = legalForms; }
    public List<DocumentType> getRequiredDocuments() { return requiredDocuments; }
    public void setRequiredDocuments(List<DocumentType> requiredDocuments) { this.requiredDocuments = requiredDocuments; }
    public String getMinAmount() { return minAmount; }
    public void setMinAmount(String minAmount) { this.minAmount = minAmount; }
    public String getMaxAmount() { return maxAmount; }
    public void setMaxAmount(String maxAmount) { this.maxAmount = maxAmount; }
    public String getDeadlineMissingPiecesDays() { return deadlineMissingPiecesDays; }
    public void setDeadlineMissingPiecesDays(String v) { this.deadlineMissingPiecesDays = v; }
    public String getDeadlineOpinionDays() { return deadlineOpinionDays; }
    public void setDeadlineOpinionDays(String v) { this.deadlineOpinionDays = v; }
    public String getDeadlineReportMonths() { return deadlineReportMonths; }
    public void setDeadlineReportMonths(String v) { this.deadlineReportMonths = v; }
}
