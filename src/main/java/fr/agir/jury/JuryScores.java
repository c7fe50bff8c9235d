package fr.agir.jury;

import fr.agir.shared.French;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** How the jury's pages write scores and amounts by year, called from templates as {@code ${@juryScores.onTwenty(x)}}. */
@Component("juryScores")
public class JuryScores {
    /** "14,67/20", or "—" without a score. */
    public String onTwenty(BigDecimal value) {
        return value == null ? "—" : JuryStatistics.format(value) + "/20";
    }

    /** "7,34", or "—". */
    public String number(BigDecimal value) {
        return JuryStatistics.format(value);
    }

    /** "année 1 : 18 000,00 € ; année 2 : 12 000,00 €", or "—". */
    public String byYear(Map<Integer, BigDecimal> amounts) {
        return amounts == null || amounts.isEmpty() ? "—" : French.amountsByYear(amounts);
    }

    /** "Utilité sociale — coefficient 2, obligatoire, éliminatoire sous 2 (de 0 à 5)". */
    public String legend(GridCriterion criterion) {
        StringBuilder text = new StringBuilder(criterion.getLabel()).append(" — coefficient ")
                .append(French.number(criterion.getWeight()));
        if (criterion.isRequired()) {
            text.append(", obligatoire");
        }
        if (criterion.isEliminatory()) {
            text.append(", éliminatoire sous ").append(French.number(criterion.getEliminatoryBelow()));
        }
        return text.append(" (de ").append(criterion.getScaleMin()).append(" à ").append(criterion.getScaleMax())
                .append(")").toString();
    }

    /** "À noter", "Brouillon" or "Soumise — 14,67/20". */
    public String status(JuryScore.Status status, BigDecimal weighted) {
        if (status == null) {
            return "À noter";
        }
        return status == JuryScore.Status.DRAFT ? "Brouillon" : "Soumise — " + onTwenty(weighted);
    }

    /** The jury's proposal in words: "À délibérer", "Défavorable — …", "Favorable, 2 ans : … (Fonctionnement)". */
    public String proposal(SessionApplication p) {
        if (p == null || p.getVerdict() == null) {
            return "À délibérer";
        }
        if (!p.isFavourable()) {
            return "Défavorable" + (p.getComment() == null ? "" : " — " + p.getComment());
        }
        Integer years = p.getDurationYears();
        return "Favorable, " + years + (years != null && years > 1 ? " ans" : " an") + " : "
                + French.amountsByYear(p.amounts()) + (p.getNature() == null ? "" : " (" + p.getNature().label() + ")");
    }
}
