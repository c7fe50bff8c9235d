package fr.agir.campaign;

import java.math.BigDecimal;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rules a campaign's settings must follow, as pure functions; errors by field, in French. */
public final class CampaignRules {
    private CampaignRules() {
    }

    public static Map<String, String> check(CampaignSettings s) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.code() == null || !s.code().matches("[A-Z0-9-]{3,40}")) {
            errors.put("code", "De 3 à 40 majuscules, chiffres ou tirets, par exemple AAP-2027");
        }
        if (s.name() == null || s.name().isBlank()) {
            errors.put("name", "Indiquez le nom de l'édition");
        } else if (s.name().length() > 200) {
            errors.put("name", "Au plus 200 caractères");
        }
        if (s.openingDate() == null) {
            errors.put("openingDate", "Indiquez la date d'ouverture");
        }
        if (s.closingDate() == null) {
            errors.put("closingDate", "Indiquez la date de clôture");
        }
        if (s.openingDate() != null && s.closingDate() != null && s.openingTime() != null && s.closingTime() != null
                && !s.closingDate().atTime(s.closingTime()).isAfter(s.openingDate().atTime(s.openingTime()))) {
            errors.put("closingDate", "La clôture doit suivre l'ouverture");
        }
        positive(errors, "envelopeOperating", s.envelopeOperating(), "L'enveloppe de fonctionnement");
        positive(errors, "envelopeInvestment", s.envelopeInvestment(), "L'enveloppe d'investissement");
        if (s.maxDurationYears() < 1 || s.maxDurationYears() > 2) {
            errors.put("maxDurationYears", "Une subvention porte sur un ou deux ans");
        }
        if (s.thematics().isEmpty()) {
            errors.put("thematics", "Choisissez au moins une thématique");
        }
        s.subThemes().forEach((thematic, labels) -> {
            if (!labels.isEmpty() && !s.thematics().contains(thematic)) {
                errors.put("subThemes[" + thematic.name() + "]", "Cette thématique n'est pas retenue : cochez-la ou "
                        + "videz ses sous-thèmes");
            }
            labels.stream().filter(l -> l.length() > 150 || l.contains("|")).findFirst().ifPresent(l ->
                    errors.put("subThemes[" + thematic.name() + "]", "Un sous-thème par ligne, 150 caractères au plus, sans « | »"));
        });
        if (s.requiredDocuments().isEmpty()) {
            errors.put("requiredDocuments", "Choisissez au moins une pièce exigée");
        }
        if (s.minAmount() != null && s.minAmount().signum() <= 0) {
            errors.put("minAmount", "Le montant minimum doit être positif, ou laissé vide");
        }
        if (s.maxAmount() != null && s.maxAmount().signum() <= 0) {
            errors.put("maxAmount", "Le montant maximum doit être positif, ou laissé vide");
        }
        if (s.minAmount() != null && s.maxAmount() != null && s.minAmount().compareTo(s.maxAmount()) > 0) {
            errors.put("maxAmount", "Le maximum doit être supérieur ou égal au minimum");
        }
        period(errors, "deadlineMissingPieces", s.deadlineMissingPieces());
        period(errors, "deadlineOpinion", s.deadlineOpinion());
        period(errors, "deadlineReport", s.deadlineReport());
        return errors;
    }

    private static void positive(Map<String, String> errors, String field, BigDecimal amount, String what) {
        if (amount == null) {
            errors.put(field, what + " est obligatoire");
        } else if (amount.signum() <= 0) {
            errors.put(field, what + " doit être supérieure à 0 €");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            errors.put(field, "Au plus deux décimales");
        }
    }

    private static void period(Map<String, String> errors, String field, String iso) {
        if (iso == null) {
            return;
        }
        try {
            Period p = Period.parse(iso);
            if (p.isNegative() || p.isZero()) {
                errors.put(field, "Le délai doit être positif, ou laissé vide pour la valeur par défaut");
            }
        } catch (DateTimeParseException e) {
            errors.put(field, "Délai illisible");
        }
    }
}
