package fr.agir.payment;

import fr.agir.agreement.AmendmentInstallments;
import fr.agir.agreement.PaymentTerms;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An avenant's effect on the payment schedule: what is liquidated, validated or paid never changes and is the
 * floor of a year's new amount; the installments still SCHEDULED take the new amounts (the advance
 * {@link PaymentTerms#advanceOf} of the year when not yet liquidated, the balance the rest). Years not yet
 * opened have no installments: {@link PaymentService#scheduleYear} creates them from the amounts in force.
 */
@Component
class InstallmentAmendments implements AmendmentInstallments {
    private static final Set<Installment.Status> COMMITTED = EnumSet.of(Installment.Status.PREPARED,
            Installment.Status.VALIDATED, Installment.Status.PAID);

    private final InstallmentRepository installments;
    private final PaymentTerms terms;
    private final AuditTrail audit;
    private final fr.agir.payment.credit.CreditService credits;

    InstallmentAmendments(InstallmentRepository installments, PaymentTerms terms, AuditTrail audit,
                          fr.agir.payment.credit.CreditService credits) {
        this.credits = credits;
        this.installments = installments;
        this.terms = terms;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Integer, BigDecimal> committed(Long agreementId) {
        Map<Integer, BigDecimal> committed = new TreeMap<>();
        for (Installment i : installments.findByAgreementIdOrderByGrantYearAscKindAsc(agreementId)) {
            if (COMMITTED.contains(i.getStatus())) {
                committed.merge(i.getGrantYear(), i.getAmount(), BigDecimal::add);
            }
        }
        return committed;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Integer> openedYears(Long agreementId) {
        Set<Integer> years = new java.util.TreeSet<>();
        for (Installment i : installments.findByAgreementIdOrderByGrantYearAscKindAsc(agreementId)) {
            if (i.getStatus() != Installment.Status.CANCELLED) {
                years.add(i.getGrantYear());
            }
        }
        return years;
    }

    @Override
    @Transactional
    public void follow(Long agreementId, Map<Integer, BigDecimal> amounts, String amendmentNumber) {
        List<Installment> all = installments.findByAgreementIdOrderByGrantYearAscKindAsc(agreementId);
        amounts.forEach((year, amount) -> {
            List<Installment> ofYear = all.stream().filter(i -> i.getGrantYear() == year
                    && i.getStatus() != Installment.Status.CANCELLED).toList();
            Installment advance = ofYear.stream().filter(i -> i.getKind() == Installment.Kind.ADVANCE).findFirst()
                    .orElse(null);
            BigDecimal fixedAdvance = advance != null && advance.getStatus() != Installment.Status.SCHEDULED
                    ? advance.getAmount() : null;
            for (Installment i : ofYear) {
                if (i.getStatus() != Installment.Status.SCHEDULED) {
                    continue; // liquidated, validated or paid: never changes
                }
                BigDecimal target = switch (i.getKind()) {
                    case SINGLE -> amount;
                    case ADVANCE -> terms.advanceOf(amount);
                    case BALANCE -> amount.subtract(fixedAdvance != null ? fixedAdvance : terms.advanceOf(amount));
                };
                if (target.signum() < 0) {
                    target = BigDecimal.ZERO.setScale(2);
                }
                if (i.getAmount().compareTo(target) != 0) {
                    String before = Money.format(i.getAmount());
                    i.reschedule(target);
                    audit.record(PaymentService.ENTITY, i.getId(), i.getApplicationId(),
                            AuditAction.INSTALLMENT_SCHEDULED, i.getStatus(), i.getStatus(), i.getKind().label()
                                    + " de l'année " + year + " : " + Money.format(target) + " au lieu de " + before
                                    + " (avenant " + amendmentNumber + ")");
                }
            }
        });
        credits.recommitAct(agreementId);
    }
}
