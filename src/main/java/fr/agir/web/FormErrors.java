package fr.agir.web;

import fr.agir.shared.DomainException;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The one way pages turn a service's refusal into what the form shows: its field errors next to
 * their fields (what was typed kept), its message on top when no field is named.
 */
public final class FormErrors {
    private FormErrors() {
    }

    /** Adds the refusal's errors to the form's; a field the form does not have goes on top. */
    public static void add(BindingResult result, DomainException e) {
        Map<String, String> fields = e.fieldErrors();
        fields.forEach((field, message) -> reject(result, field, message));
        if (fields.isEmpty()) {
            result.addError(new ObjectError(result.getObjectName(), e.getMessage()));
        }
    }

    /**
     * Keeps a refused form and its errors for the page a redirect leads to (flash attributes): what
     * was typed comes back next to its errors, and the address bar never shows the POST address.
     */
    public static void keepAcrossRedirect(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect,
                                          String name, Object form, BindingResult result) {
        redirect.addFlashAttribute(name, form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
    }

    /** One field's error, keeping the value typed. */
    public static void reject(BindingResult result, String field, String message) {
        Object typed;
        try {
            typed = result.getRawFieldValue(field);
        } catch (NotReadablePropertyException notAField) {
            result.addError(new ObjectError(result.getObjectName(), message));
            return;
        }
        result.addError(new FieldError(result.getObjectName(), field, typed, false, null, null, message));
    }

    /**
     * A number as people type it in a French form: spaces (also non-breaking ones) between thousands,
     * a comma or a point before the decimals — "1 500", "1 500,50", "1500.5". Null when blank;
     * {@link NumberFormatException} when it is not a number.
     */
    public static BigDecimal decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        return new BigDecimal(typed.strip().replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
                .replace(',', '.'));
    }

    /**
     * The amount typed for {@code year} in {@code field}, put into {@code amounts} when it is a number; a
     * French error on the field, keeping what was typed, when it is not. Blank: nothing.
     */
    public static void yearAmount(String typed, int year, String field, java.util.Map<Integer, BigDecimal> amounts,
                                  BindingResult result) {
        try {
            BigDecimal value = decimal(typed);
            if (value != null) {
                amounts.put(year, value);
            }
        } catch (NumberFormatException e) {
            reject(result, field, "Année " + year + " : montant en euros, par exemple 12 500");
        }
    }
}
