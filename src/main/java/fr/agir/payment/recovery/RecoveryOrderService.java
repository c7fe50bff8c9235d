package fr.agir.payment.recovery;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.payment.credit.CreditService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.Csv;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.shared.StateConflictException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery orders (titres de recettes, docs/PAYMENT-ORDERS.md): raised by a report review, by a withdrawal
 * after payments or by a finance officer; numbered per budget year without gaps; exported in numbered
 * batches whose CSV is kept as sent; followed until recovered (partial payments keep the rest due) or
 * cancelled. The structure receives a letter (PDF/A) by e-mail and finds it on its application page.
 * Every action is audited on the application.
 */
@Service
public class RecoveryOrderService {
    static final String ENTITY = "RECOVERY_ORDER";
    static final String EXPORT_MUTEX = "recovery-export";
    static final List<String> COLUMNS = List.of("exercice", "id_bord", "num_titre", "dte_emission", "nom", "id_tiers",
            "nat_id_tiers", "adresse", "mt_ttc", "objet", "id_conv", "ref_deliberation", "chapitre", "nature",
            "fonction");

    private final RecoveryOrderRepository orders;
    private final RecoveryBatchRepository batches;
    private final NumberSequenceService numbers;
    private final CreditService credits;
    private final RecoveryLetter letters;
    private final EntityManager em;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RecoveryOrderService(RecoveryOrderRepository orders, RecoveryBatchRepository batches,
                                NumberSequenceService numbers, CreditService credits, RecoveryLetter letters,
                                EntityManager em, AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.orders = orders;
        this.batches = batches;
        this.numbers = numbers;
        this.credits = credits;
        this.letters = letters;
        this.em = em;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** What a finance officer may still recover on an application: paid, less the orders not cancelled. */
    public record Recoverable(Long applicationId, String reference, String title, String structureName,
                              BigDecimal paid, BigDecimal alreadyRaised) {
        public BigDecimal available() {
            return paid.subtract(alreadyRaised);
        }
    }

    // ------------------------------------------------------------------ raising

    /** Raised by the process after a report review asking for {@code amount} back; returns the number. */
    @Transactional
    public RecoveryOrder raiseFromReport(Long applicationId, BigDecimal amount, String reason) {
        return raise(applicationId, amount, reason, RecoveryOrder.Origin.REPORT_REVIEW);
    }

    /**
     * A grant withdrawn after payments: one order for the sum paid (none when nothing was paid, and only once
     * per application).
     */
    @Transactional
    public java.util.Optional<RecoveryOrder> raiseForWithdrawal(Long applicationId, String deliberation) {
        BigDecimal paid = paid(applicationId);
        if (paid.signum() <= 0 || orders.existsByApplicationIdAndOrigin(applicationId, RecoveryOrder.Origin.WITHDRAWAL)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(raise(applicationId, paid, "Subvention retirée par la " + deliberation
                + " : reversement des sommes déjà versées", RecoveryOrder.Origin.WITHDRAWAL));
    }

    /**
     * « Émettre un titre de recettes » by a finance officer, for a granted application (its reference):
     * amount &gt; 0 and not above what was paid and not yet asked back; a reason. Refusals are 422, field by
     * field, and nothing is saved.
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public RecoveryOrder raiseByFinance(String reference, BigDecimal amount, String reason) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long applicationId = reference == null || reference.isBlank() ? null : applicationOf(reference.strip());
        if (applicationId == null) {
            errors.put("reference", reference == null || reference.isBlank()
                    ? "Indiquez la référence de la candidature (par exemple AGIR-2026-000123)."
                    : "Aucune subvention accordée ne porte la référence « " + cut(reference.strip(), 40) + " ».");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "Indiquez le motif du titre de recettes : il figure sur le courrier à la structure.");
        } else if (reason.length() > 1000) {
            errors.put("reason", "Le motif dépasse 1000 caractères.");
        }
        if (amount == null) {
            errors.put("amount", "Indiquez le montant à recouvrer, en euros.");
        } else if (amount.signum() <= 0) {
            errors.put("amount", "Le montant doit être supérieur à zéro.");
        } else if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            errors.put("amount", "Le montant a au plus deux décimales (centimes).");
        } else if (applicationId != null) {
            // Two officers raising at the same moment on one application: one after the other, never above what was paid.
            em.createNativeQuery("select id from application where id = ?1 for update").setParameter(1, applicationId)
                    .getResultList();
            Recoverable r = recoverable(applicationId);
            if (amount.compareTo(r.available()) > 0) {
                errors.put("amount", "Le montant dépasse ce qui peut être recouvré : " + Money.format(r.paid())
                        + " versé(s)" + (r.alreadyRaised().signum() > 0 ? ", dont " + Money.format(r.alreadyRaised())
                        + " déjà demandé(s) par d'autres titres" : "") + ", soit " + Money.format(r.available())
                        + " au plus.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        return raise(applicationId, amount.setScale(2), reason.strip(), RecoveryOrder.Origin.FINANCE);
    }

    private RecoveryOrder raise(Long applicationId, BigDecimal amount, String reason, RecoveryOrder.Origin origin) {
        Object[] d = (Object[]) em.createNativeQuery("""
                select a.structure_id, s.name, s.siret, s.rna, s.address_line, s.postal_code, s.commune,
                       s.legal_rep_email
                  from application a join structure s on s.id = a.structure_id where a.id = ?1""")
                .setParameter(1, applicationId).getSingleResult();
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        String number = "TR-%d-%06d".formatted(year, numbers.nextValue("recovery-order-" + year));
        String address = join(" ", (String) d[4], join(" ", (String) d[5], (String) d[6]));
        RecoveryOrder order = orders.save(new RecoveryOrder(number, year, applicationId, ((Number) d[0]).longValue(),
                (String) d[1], (String) d[2], (String) d[3], address, (String) d[7], amount.setScale(2),
                cut(reason, 1000), origin, currentUser.usernameOrSystem(), Instant.now(clock)));
        audit.record(ENTITY, order.getId(), applicationId, AuditAction.RECOVERY_ORDER_ISSUED, null, order.getStatus(),
                number + " : " + Money.format(order.getAmount()) + " — " + reason);
        letters.send(order);
        return order;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public List<RecoveryOrder> list(RecoveryOrder.Status status) {
        return status == null ? orders.findTop500ByOrderByIdDesc()
                : orders.findTop500ByStatusInOrderByIdDesc(EnumSet.of(status));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public RecoveryOrder get(Long id) {
        return orders.findById(id).orElseThrow(NotFoundException::notYours);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public long toExportCount() {
        return orders.findByStatusOrderByIdAsc(RecoveryOrder.Status.TO_EXPORT).size();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public List<RecoveryBatch> batches() {
        return batches.findTop200ByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public RecoveryBatch batch(Long id) {
        RecoveryBatch b = batches.findById(id).orElseThrow(NotFoundException::notYours);
        b.getCsv();
        return b;
    }

    /** The letter of an order, for finance. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public byte[] letterForFinance(Long id) {
        return get(id).getLetterPdf();
    }

    /** The granted applications' recoverable sums, for the finance form's help (reference → what is left). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public Recoverable recoverable(Long applicationId) {
        Object[] a = (Object[]) em.createNativeQuery("""
                select a.reference, a.title, s.name from application a join structure s on s.id = a.structure_id
                 where a.id = ?1""").setParameter(1, applicationId).getSingleResult();
        BigDecimal raised = (BigDecimal) em.createNativeQuery("select coalesce(sum(amount), 0) from recovery_order "
                + "where application_id = ?1 and status <> 'CANCELLED'").setParameter(1, applicationId).getSingleResult();
        return new Recoverable(applicationId, (String) a[0], (String) a[1], (String) a[2], paid(applicationId),
                raised.setScale(2));
    }

    // ------------------------------------------------------------------ export

    /**
     * « Générer l'export des titres »: every order to export goes into one numbered batch of the budget year
     * (gap-free), its CSV kept as sent. Two exports at the same moment run one after the other (a locked
     * row). Nothing to export: no batch.
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public java.util.Optional<RecoveryBatch> export() {
        numbers.nextValue(EXPORT_MUTEX);
        List<RecoveryOrder> waiting = orders.findByStatusOrderByIdAsc(RecoveryOrder.Status.TO_EXPORT);
        if (waiting.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        int number = Math.toIntExact(numbers.nextValue("recovery-batch-" + year));
        RecoveryBatch batch = batches.save(new RecoveryBatch(year, number, today, currentUser.username(),
                Instant.now(clock)));
        StringBuilder csv = new StringBuilder();
        Csv.line(csv, COLUMNS);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (RecoveryOrder o : waiting) {
            o.exported(batch.getId());
            total = total.add(o.getAmount());
            Csv.line(csv, row(batch, o));
            audit.record(ENTITY, o.getId(), o.getApplicationId(), AuditAction.RECOVERY_ORDER_EXPORTED,
                    RecoveryOrder.Status.TO_EXPORT, RecoveryOrder.Status.EXPORTED,
                    o.getNumber() + " dans l'export n° " + number + " (exercice " + year + ")");
        }
        batch.close(waiting.size(), total, csv.toString().getBytes(StandardCharsets.UTF_8));
        return java.util.Optional.of(batch);
    }

    private List<String> row(RecoveryBatch b, RecoveryOrder o) {
        Object[] ref = refs(o.getApplicationId());
        CreditService.Imputed imputed = credits.imputationOf(o.getApplicationId());
        String object = "Titre de recettes " + o.getNumber() + " : " + o.getReason();
        return List.of(String.valueOf(b.getBudgetYear()), String.valueOf(b.getNumber()), o.getNumber(),
                o.getCreatedAt().atZone(clock.getZone()).toLocalDate().toString(), cut(o.getDebtorName(), 38),
                nz(o.getDebtorSiret() != null ? o.getDebtorSiret() : o.getDebtorRna()),
                o.getDebtorSiret() != null ? "SIRET" : o.getDebtorRna() != null ? "RNA" : "",
                nz(o.getDebtorAddress()), amount(o.getAmount()), cut(object, 160), nz((String) ref[0]),
                nz((String) ref[1]), imputed.imputation().chapter(), imputed.imputation().article(),
                imputed.imputation().function());
    }

    /** The agreement number and délibération reference of an application (either may be null). */
    Object[] refs(Long applicationId) {
        return (Object[]) em.createNativeQuery("""
                select (select ag.agreement_number from agreement ag where ag.application_id = a.id order by ag.id desc limit 1),
                       (select concat(d.deliberation_number, ' du ', date_format(d.deliberation_date, '%d/%m/%Y'))
                          from decision d where d.application_id = a.id and d.deliberation_number is not null
                         order by d.id desc limit 1)
                  from application a where a.id = ?1""").setParameter(1, applicationId).getSingleResult();
    }

    // ------------------------------------------------------------------ follow-up

    /** « Marquer recouvré »: a payment received (date, amount ≤ what remains); the rest stays due. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public RecoveryOrder markRecovered(Long id, LocalDate on, BigDecimal paid) {
        RecoveryOrder o = orders.findById(id).orElseThrow(NotFoundException::notYours);
        if (o.getStatus() != RecoveryOrder.Status.EXPORTED) {
            throw new StateConflictException(o.getStatus() == RecoveryOrder.Status.TO_EXPORT
                    ? "Le titre " + o.getNumber() + " n'a pas encore été transmis au logiciel financier : "
                    + "générez d'abord l'export des titres."
                    : "Le titre " + o.getNumber() + " est " + o.getStatusLabel().toLowerCase() + " : rien à recouvrer.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (on == null) {
            errors.put("date", "Indiquez la date du recouvrement.");
        } else if (on.isAfter(LocalDate.now(clock))) {
            errors.put("date", "La date du recouvrement ne peut pas être dans le futur.");
        }
        if (paid == null) {
            errors.put("amount", "Indiquez le montant recouvré, en euros.");
        } else if (paid.signum() <= 0) {
            errors.put("amount", "Le montant recouvré doit être supérieur à zéro.");
        } else if (paid.compareTo(o.getRemaining()) > 0) {
            errors.put("amount", "Le montant recouvré dépasse ce qui reste dû : " + Money.format(o.getRemaining()) + ".");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        o.recovered(on, paid.setScale(2));
        audit.record(ENTITY, o.getId(), o.getApplicationId(), AuditAction.RECOVERY_ORDER_RECOVERED,
                RecoveryOrder.Status.EXPORTED, o.getStatus(), o.getNumber() + " : " + Money.format(paid)
                        + " recouvré(s) le " + fr.agir.shared.French.date(on)
                        + (o.getRemaining().signum() > 0 ? ", reste dû " + Money.format(o.getRemaining()) : ", soldé"));
        return o;
    }

    /** « Annuler » with a reason: an order not yet recovered in full. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public RecoveryOrder cancel(Long id, String reason) {
        RecoveryOrder o = orders.findById(id).orElseThrow(NotFoundException::notYours);
        if (!o.isOpen()) {
            throw new StateConflictException("Le titre " + o.getNumber() + " est " + o.getStatusLabel().toLowerCase()
                    + " : il ne peut plus être annulé.");
        }
        if (reason == null || reason.isBlank()) {
            String message = "Indiquez le motif de l'annulation.";
            throw new InvalidInputException(message, Map.of("reason", message));
        }
        RecoveryOrder.Status from = o.getStatus();
        o.cancel(cut(reason.strip(), 1000));
        audit.record(ENTITY, o.getId(), o.getApplicationId(), AuditAction.RECOVERY_ORDER_CANCELLED, from,
                RecoveryOrder.Status.CANCELLED, o.getNumber() + " annulé : " + reason.strip());
        return o;
    }

    // ------------------------------------------------------------------ the structure

    /** The recovery orders of an application, for whoever may see its payments (404 for anyone else). */
    @Transactional(readOnly = true)
    public List<RecoveryOrder> ofApplication(Long applicationId) {
        letters.readable(applicationId);
        return orders.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** The letter of one order of this application, for its structure (404 for anyone else). */
    @Transactional(readOnly = true)
    public RecoveryOrder letterOf(Long applicationId, Long orderId) {
        letters.readable(applicationId);
        RecoveryOrder o = orders.findByIdAndApplicationId(orderId, applicationId).orElseThrow(NotFoundException::notYours);
        o.getLetterPdf();
        return o;
    }

    // ------------------------------------------------------------------ helpers

    private Long applicationOf(String reference) {
        List<?> ids = em.createNativeQuery("select id from application where reference = ?1 "
                + "and status in ('GRANTED', 'IN_PROGRESS', 'CLOSED', 'GRANT_WITHDRAWN')")
                .setParameter(1, reference).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private BigDecimal paid(Long applicationId) {
        BigDecimal paid = (BigDecimal) em.createNativeQuery("select coalesce(sum(amount), 0) from installment "
                + "where application_id = ?1 and status = 'PAID'").setParameter(1, applicationId).getSingleResult();
        return paid.setScale(2);
    }

    /** "1234,50": two decimals, a decimal comma, no thousands separator. */
    static String amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    static String join(String sep, String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + sep + b;
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }

    static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
