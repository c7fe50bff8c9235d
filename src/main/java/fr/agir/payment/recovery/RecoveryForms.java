package fr.agir.payment.recovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The finance pages' forms: raise an order, mark it recovered, cancel it. */
public final class RecoveryForms {
    private RecoveryForms() {
    }

    public static class Raise {
        @NotBlank(message = "Indiquez la référence de la candidature (par exemple AGIR-2026-000123).")
        @Size(max = 40, message = "40 caractères au plus")
        private String reference;
        @NotBlank(message = "Indiquez le montant à recouvrer, en euros.")
        @Size(max = 30, message = "Montant trop long")
        private String amount;
        @NotBlank(message = "Indiquez le motif du titre de recettes : il figure sur le courrier à la structure.")
        @Size(max = 1000, message = "1000 caractères au plus")
        private String reason;

        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }

    public static class Recovered {
        @NotBlank(message = "Indiquez la date du recouvrement.")
        private String date;
        @NotBlank(message = "Indiquez le montant recouvré, en euros.")
        @Size(max = 30, message = "Montant trop long")
        private String amount;

        public String getDate() { return date; }
        public void setDate(String date) { this.date = date; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    public static class Cancel {
        @NotBlank(message = "Indiquez le motif de l'annulation.")
        @Size(max = 1000, message = "1000 caractères au plus")
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
    }
}
