package fr.agir.campaign;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.structure.DocumentType;
import fr.agir.structure.LegalForm;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the administrator sets for one edition: dates and times (Europe/Paris), thematics and their
 * sub-themes, envelopes, duration, eligibility (legal forms, amounts), required pieces, and its own
 * deadlines (ISO-8601 periods, null: the configuration's {@code agir.deadlines.*}).
 */
public record CampaignSettings(String code, String name, LocalDate openingDate, LocalTime openingTime,
                               LocalDate closingDate, LocalTime closingTime, BigDecimal envelopeOperating,
                               BigDecimal envelopeInvestment, int maxDurationYears, Set<Thematic> thematics,
                               Map<Thematic, List<String>> subThemes, Set<LegalForm> legalForms,
                               Set<DocumentType> requiredDocuments, BigDecimal minAmount, BigDecimal maxAmount,
                               String deadlineMissingPieces, String deadlineOpinion, String deadlineReport) {
    public CampaignSettings {
        thematics = thematics == null ? Set.of() : Set.copyOf(thematics);
        subThemes = subThemes == null ? Map.of() : Map.copyOf(subThemes);
        legalForms = legalForms == null ? Set.of() : Set.copyOf(legalForms);
        requiredDocuments = requiredDocuments == null ? Set.of() : Set.copyOf(requiredDocuments);
    }

    /** One change, in words: "Date de clôture : 30 avril 2027 → 15 mai 2027". */
    public record Change(String field, String label, String before, String after) {
        public String sentence() {
            return label + " : " + before + " → " + after;
        }
    }

    /** What differs from {@code before}, field by field, in French (for the audit trail and the refusals). */
    public List<Change> changesFrom(CampaignSettings before) {
        List<Change> changes = new ArrayList<>();
        diff(changes, "code", "Code", before.code, code, Function.identity());
        diff(changes, "name", "Nom", before.name, name, Function.identity());
        diff(changes, "openingDate", "Date d'ouverture", before.openingDate, openingDate, French::date);
        diff(changes, "openingTime", "Heure d'ouverture", before.openingTime, openingTime, CampaignSettings::time);
        diff(changes, "closingDate", "Date de clôture", before.closingDate, closingDate, French::date);
        diff(changes, "closingTime", "Heure de clôture", before.closingTime, closingTime, CampaignSettings::time);
        diffAmount(changes, "envelopeOperating", "Enveloppe de fonctionnement", before.envelopeOperating, envelopeOperating);
        diffAmount(changes, "envelopeInvestment", "Enveloppe d'investissement", before.envelopeInvestment, envelopeInvestment);
        diff(changes, "maxDurationYears", "Durée maximale", before.maxDurationYears, maxDurationYears, French::years);
        diff(changes, "thematics", "Thématiques", labels(before.thematics, Thematic::label), labels(thematics, Thematic::label),
                Function.identity());
        diff(changes, "subThemes", "Sous-thèmes", subThemeText(before.subThemes), subThemeText(subThemes), Function.identity());
        diff(changes, "legalForms", "Formes juridiques éligibles", formsText(before.legalForms), formsText(legalForms),
                Function.identity());
        diff(changes, "requiredDocuments", "Pièces exigées", labels(before.requiredDocuments, DocumentType::label),
                labels(requiredDocuments, DocumentType::label), Function.identity());
        diffAmount(changes, "minAmount", "Montant minimum", before.minAmount, minAmount);
        diffAmount(changes, "maxAmount", "Montant maximum", before.maxAmount, maxAmount);
        diff(changes, "deadlineMissingPieces", "Délai des pièces manquantes", period(before.deadlineMissingPieces),
                period(deadlineMissingPieces), Function.identity());
        diff(changes, "deadlineOpinion", "Délai des avis", period(before.deadlineOpinion), period(deadlineOpinion),
                Function.identity());
        diff(changes, "deadlineReport", "Délai du compte rendu", period(before.deadlineReport), period(deadlineReport),
                Function.identity());
        return changes;
    }

    private static <T> void diff(List<Change> changes, String field, String label, T before, T after,
                                 Function<T, String> text) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, label, before == null ? "—" : text.apply(before),
                    after == null ? "—" : text.apply(after)));
        }
    }

    private static void diffAmount(List<Change> changes, String field, String label, BigDecimal before, BigDecimal after) {
        boolean same = before == null ? after == null : after != null && before.compareTo(after) == 0;
        if (!same) {
            changes.add(new Change(field, label, before == null ? "—" : Money.format(before),
                    after == null ? "—" : Money.format(after)));
        }
    }

    static String time(LocalTime t) {
        return String.format("%02d h %02d", t.getHour(), t.getMinute());
    }

    static String period(String iso) {
        return iso == null ? "par défaut" : iso;
    }

    private static <E extends Enum<E>> String labels(Set<E> values, Function<E, String> label) {
        return values.stream().sorted().map(label).collect(Collectors.joining(", "));
    }

    private static String formsText(Set<LegalForm> forms) {
        return forms.isEmpty() ? "toutes" : labels(forms, LegalForm::label);
    }

    private static String subThemeText(Map<Thematic, List<String>> subThemes) {
        return subThemes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().label() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(" ; "));
    }
}
