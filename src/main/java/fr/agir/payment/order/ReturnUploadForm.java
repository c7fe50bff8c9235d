package fr.agir.payment.order;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** The return page's form: the file comes as a separate part, the mode is chosen by the officer. */
public class ReturnUploadForm implements Serializable {
    @NotNull(message = "Choisissez quoi faire si une ligne est en erreur")
    private PaymentOrderService.ReturnMode mode = PaymentOrderService.ReturnMode.APPLY_VALID;

    /** Never bound (the file is a separate part): here so that a refusal of the file shows next to it. */
    public String getFile() { return null; }

    public PaymentOrderService.ReturnMode getMode() { return mode; }
    public void setMode(PaymentOrderService.ReturnMode mode) { this.mode = mode; }
}
