package fr.agir.agreement;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What an avenant needs from the payment schedule, which comes after the agreement in the lifecycle order
 * ({@code agreement} may not read {@code payment}): payment implements this interface and
 * {@link AmendmentService} receives it through an {@code ObjectProvider}.
 */
public interface AmendmentInstallments {

    /** Per grant year, what is already liquidated, validated or paid: an avenant never goes below it. */
    Map<Integer, BigDecimal> committed(Long agreementId);

    /**
     * The grant years already opened: their installments are scheduled (whatever their state). An avenant may not
     * take such a year away: its grant-year runs and waits for those payments.
     */
    java.util.Set<Integer> openedYears(Long agreementId);

    /**
     * The avenant is in force: the installments not yet liquidated (SCHEDULED) carry the new amounts per year
     * (advance and balance split by the payment terms); the others never change.
     */
    void follow(Long agreementId, Map<Integer, BigDecimal> amounts, String amendmentNumber);
}
