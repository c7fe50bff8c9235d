package fr.agir.payment.credit;

import fr.agir.jury.SessionApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The credits' configuration: the default budget imputation of each part (chapter / nature-article /
 * function, {@code agir.finance.imputation.operating|investment.*}) and whether a grant may become binding
 * in a campaign part with no AE opened ({@code agir.finance.credits.required}).
 */
@Component
public class CreditProperties {
    /** A budget imputation: chapter, nature (article), function — "65 / 6574 / 93". */
    public record Imputation(String chapter, String article, String function) {
        public String label() {
            return chapter + " / " + article + " / " + function;
        }
    }

    private final boolean required;
    private final Imputation operating;
    private final Imputation investment;

    public CreditProperties(@Value("${agir.finance.credits.required:true}") boolean required,
                            @Value("${agir.finance.imputation.operating.chapter:65}") String opChapter,
                            @Value("${agir.finance.imputation.operating.article:6574}") String opArticle,
                            @Value("${agir.finance.imputation.operating.function:93}") String opFunction,
                            @Value("${agir.finance.imputation.investment.chapter:204}") String invChapter,
                            @Value("${agir.finance.imputation.investment.article:20421}") String invArticle,
                            @Value("${agir.finance.imputation.investment.function:93}") String invFunction) {
        this.required = required;
        this.operating = new Imputation(opChapter, opArticle, opFunction);
        this.investment = new Imputation(invChapter, invArticle, invFunction);
    }

    /** True: no commitment nor payment in a campaign part whose AE (or year's CP) is not opened. */
    public boolean isRequired() {
        return required;
    }

    public Imputation defaultImputation(SessionApplication.Nature part) {
        return part == SessionApplication.Nature.INVESTMENT ? investment : operating;
    }
}
