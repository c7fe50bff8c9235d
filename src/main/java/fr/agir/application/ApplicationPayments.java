package fr.agir.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The payments of an application as its structure reads them on the portal (amount, kind, status in
 * words, date paid, order number; never who handled them). Implemented by a later capability
 * (payment), which {@code application} may not depend on: the page receives it through an
 * {@code ObjectProvider}.
 */
public interface ApplicationPayments {

    record Payment(String kind, int year, BigDecimal amount, String status, Instant paidAt, String orderNumber) {
    }

    /** The application's installments the caller may see, in schedule order; none before a grant. */
    List<Payment> of(Long applicationId);
}
