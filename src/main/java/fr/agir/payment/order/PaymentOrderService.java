package fr.agir.payment.order;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.payment.Installment;
import fr.agir.payment.PaymentService;
import fr.agir.payment.credit.CreditService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.Csv;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.NumberSequenceService;
import fr.agir.shared.StateConflictException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment orders for the finance software (docs/PAYMENT-ORDERS.md): validated installments are exported in
 * numbered bordereaux (per budget year and part, gap-free numbers, the payee as it is at export time, a CSV
 * kept as sent), and the finance software's return file makes them PAID, which lets their process go on.
 */
@Service
public class PaymentOrderService {
    /** PES V2 IdPce is Num8: the piece number is the budget year then 4 digits (20260001). */
    static final int PIECES_PER_YEAR = 9999;
    static final String EXPORT_MUTEX = "bordereau-export";

    static final List<String> COLUMNS = List.of("exercice", "id_bord", "dte_bord_em", "section", "id_pce", "id_ligne",
            "chapitre", "nature", "fonction", "objet", "mt_ht", "id_tiers", "nat_id_tiers", "nom", "adresse",
            "iban", "bic", "titulaire", "id_conv", "lib_vir1", "lib_vir2");

    private final BordereauRepository bordereaux;
    private final PaymentOrderRepository orders;
    private final PaymentService payments;
    private final NumberSequenceService numbers;
    private final CreditService credits;
    private final EntityManager em;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public PaymentOrderService(BordereauRepository bordereaux, PaymentOrderRepository orders, PaymentService payments,
                               NumberSequenceService numbers, CreditService credits, EntityManager em,
                               AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.bordereaux = bordereaux;
        this.orders = orders;
        this.payments = payments;
        this.numbers = numbers;
        this.credits = credits;
        this.em = em;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ export

    private static final String WAITING = """
            select i.id, i.application_id, i.amount, i.kind, i.grant_year, s.name, s.siret, s.rna, s.address_line,
                   s.postal_code, s.commune, s.iban, s.bic, a.title, ag.agreement_number,
                   (select d.deliberation_number from decision d where d.application_id = i.application_id
                      and d.superseded_at is null order by d.id desc limit 1) as deliberation_number,
                   (select d.deliberation_date from decision d where d.application_id = i.application_id
                      and d.superseded_at is null order by d.id desc limit 1) as deliberation_date
              from installment i
              join application a on a.id = i.application_id
              join structure s on s.id = a.structure_id
              left join agreement ag on ag.id = i.agreement_id
             where i.status = 'VALIDATED' and not exists (select 1 from payment_order o where o.installment_id = i.id)
             order by i.id""";

    /** How many validated installments wait for an export. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
    public long waitingCount() {
        return ((Number) em.createNativeQuery("select count(*) from installment i where i.status = 'VALIDATED' "
                + "and not exists (select 1 from payment_order o where o.installment_id = i.id)").getSingleResult())
                .longValue();
    }

    /**
     * "Générer les bordereaux du jour": every validated installment not yet exported goes into today's
     * bordereau of its budget part (one per part that has some), numbered in the budget year. Two exports at
     * the same moment run one after the other (a locked row), so the second finds nothing left to repeat and
     * numbers stay without gaps. Nothing waiting: no bordereau.
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public List<Bordereau> exportToday() {
        numbers.nextValue(EXPORT_MUTEX);
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(WAITING).getResultList();
        Map<String, List<Object[]>> byPart = new LinkedHashMap<>();
        Map<Long, CreditService.Imputed> imputations = new java.util.HashMap<>();
        for (Object[] row : rows) {
            CreditService.Imputed imputed = imputations.computeIfAbsent(((Number) row[1]).longValue(),
                    credits::imputationOf);
            byPart.computeIfAbsent(imputed.part().name(), p -> new ArrayList<>()).add(row);
        }
        List<Bordereau> created = new ArrayList<>();
        for (String part : List.of("OPERATING", "INVESTMENT")) {
            List<Object[]> group = byPart.get(part);
            if (group == null) {
                continue;
            }
            int number = Math.toIntExact(numbers.nextValue("bordereau-" + year));
            Bordereau bordereau = bordereaux.save(new Bordereau(year, number, today, part, currentUser.username(),
                    Instant.now(clock)));
            List<PaymentOrder> written = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            for (Object[] r : group) {
                long sequence = numbers.nextValue("piece-" + year);
                if (sequence > PIECES_PER_YEAR) {
                    throw new StateConflictException("Plus de " + PIECES_PER_YEAR + " mandats dans l'exercice " + year
                            + " : le numéro de pièce (8 chiffres) ne peut plus être formé. Rien n'a été exporté.");
                }
                Installment.Kind kind = Installment.Kind.valueOf((String) r[3]);
                int grantYear = ((Number) r[4]).intValue();
                String title = (String) r[13];
                String object = "Subvention Appel à Agir, " + title + " : " + kind.label() + " de l'année " + grantYear;
                String deliberation = r[15] == null ? null : r[15] + (r[16] == null ? ""
                        : " du " + fr.agir.shared.French.date(toLocalDate(r[16])));
                String address = join(" ", (String) r[8], join(" ", (String) r[9], (String) r[10]));
                PaymentOrder order = orders.save(new PaymentOrder(bordereau.getId(), year * 10000 + (int) sequence,
                        ((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (BigDecimal) r[2], (String) r[5],
                        (String) r[6], (String) r[7], address, (String) r[11], (String) r[12], object,
                        (String) r[14], deliberation, kind.name(),
                        imputations.get(((Number) r[1]).longValue()).imputation()));
                written.add(order);
                total = total.add(order.getAmount());
                audit.record(PaymentService.ENTITY, order.getInstallmentId(), order.getApplicationId(),
                        AuditAction.PAYMENT_ORDER_ISSUED, Installment.Status.VALIDATED, Installment.Status.VALIDATED,
                        "Pièce " + order.getPieceNumber() + " du bordereau " + number + " (exercice " + year + ") : "
                                + fr.agir.shared.Money.format(order.getAmount()));
            }
            bordereau.close(written.size(), total, csv(bordereau, written).getBytes(StandardCharsets.UTF_8));
            created.add(bordereau);
        }
        return created;
    }

    /** The CSV of a bordereau (UTF-8 without BOM, ';', CRLF, decimal comma): see docs/PAYMENT-ORDERS.md. */
    static String csv(Bordereau b, List<PaymentOrder> list) {
        StringBuilder out = new StringBuilder();
        Csv.line(out, COLUMNS);
        for (PaymentOrder o : list) {
            Csv.line(out, List.of(String.valueOf(b.getBudgetYear()), String.valueOf(b.getNumber()),
                    b.getIssuedOn().toString(), "INVESTMENT".equals(b.getBudgetPart()) ? "I" : "F",
                    String.valueOf(o.getPieceNumber()), "1", o.getChapter(), o.getArticle(), o.getFunction(),
                    o.getObject(), amount(o.getAmount()), nz(o.getPayeeSiret() != null ? o.getPayeeSiret() : o.getPayeeRna()),
                    o.getPayeeSiret() != null ? "SIRET" : o.getPayeeRna() != null ? "RNA" : "",
                    cut(o.getPayeeName(), 38), nz(o.getPayeeAddress()), nz(o.getIban()), nz(o.getBic()),
                    cut(o.getPayeeName(), 32), cut(nz(o.getAgreementNumber()), 25),
                    cut(nz(o.getDeliberationReference()), 50),
                    cut(Installment.Kind.valueOf(o.getInstallmentKind()).label() + " " + nz(o.getAgreementNumber()), 50)));
        }
        return out.toString();
    }

    /** "1234,50": two decimals, a decimal comma, no thousands separator. */
    static String amount(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN') or hasAuthority('SCOPE_payments:read')")
    public List<Bordereau> list() {
        return bordereaux.findTop200ByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN') or hasAuthority('SCOPE_payments:read')")
    public Bordereau bordereau(Long id) {
        Bordereau b = bordereaux.findById(id).orElseThrow(NotFoundException::notYours);
        b.getCsv(); // loaded in the transaction: downloaded identically, as it was sent
        return b;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN') or hasAuthority('SCOPE_payments:read')")
    public List<PaymentOrder> ordersOf(Long bordereauId) {
        bordereaux.findById(bordereauId).orElseThrow(NotFoundException::notYours);
        return orders.findByBordereauIdOrderByPieceNumberAsc(bordereauId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('FINANCE', 'ADMIN') or hasAuthority('SCOPE_payments:read')")
    public java.util.Optional<PaymentOrder> orderOfInstallment(Long installmentId) {
        return orders.findByInstallmentId(installmentId);
    }

    // ------------------------------------------------------------------ return

    /** What the officer chooses when some lines are wrong. */
    public enum ReturnMode { APPLY_VALID, ALL_OR_NOTHING }

    public record LineError(int line, String message) implements java.io.Serializable {
    }

    /** applied: lines that paid an installment now; alreadyApplied: lines a previous import applied. */
    public record ReturnReport(String fileName, int lines, int applied, int alreadyApplied, List<LineError> errors,
                               boolean nothingApplied) implements java.io.Serializable {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    private record Line(int number, PaymentOrder order, String mandate, LocalDate date) {
    }

    private static final long MAX_RETURN_BYTES = 2L * 1024 * 1024;
    private static final Pattern PIECE = Pattern.compile("\\d{1,8}");
    private static final Pattern MANDATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,39}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}([.,]\\d{1,2})?");

    /**
     * Imports the finance software's return (CSV "pièce;mandat;date de paiement;montant", an optional header
     * line): each matching order's installment becomes PAID (its mandate number and payment date) and its
     * process goes on. A line already applied (same piece, same mandate) changes nothing and is counted as
     * such; each wrong line is reported with its number; with ALL_OR_NOTHING one wrong line applies nothing.
     * A file that is not text (checked on its name and content) is refused (422).
     */
    @Transactional
    @PreAuthorize("hasRole('FINANCE') or hasAuthority('SCOPE_payments:write')")
    public ReturnReport importReturn(String fileName, byte[] content, ReturnMode mode) {
        checkFile(fileName, content);
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] rawLines = text.split("\r\n|\n|\r", -1);
        List<LineError> errors = new ArrayList<>();
        List<Line> valid = new ArrayList<>();
        int already = 0;
        int counted = 0;
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < rawLines.length; i++) {
            int number = i + 1;
            String raw = rawLines[i].strip();
            if (raw.isEmpty() || i == 0 && !raw.isEmpty() && !Character.isDigit(raw.charAt(0))) {
                continue; // blank line, or the header
            }
            counted++;
            String[] cells = raw.split(";", -1);
            if (cells.length != 4) {
                errors.add(new LineError(number, "ligne mal formée : 4 colonnes attendues (pièce;mandat;date;montant), "
                        + cells.length + " trouvée(s)"));
                continue;
            }
            String piece = cells[0].strip();
            String mandate = cells[1].strip();
            String dateText = cells[2].strip();
            String amountText = cells[3].strip();
            if (!PIECE.matcher(piece).matches()) {
                errors.add(new LineError(number, "numéro de pièce « " + shown(piece) + " » mal formé (8 chiffres au plus)"));
                continue;
            }
            if (!MANDATE.matcher(mandate).matches()) {
                errors.add(new LineError(number, "numéro de mandat « " + shown(mandate) + " » mal formé"));
                continue;
            }
            LocalDate date = parseDate(dateText);
            if (date == null) {
                errors.add(new LineError(number, "date de paiement « " + shown(dateText)
                        + " » mal formée (attendu JJ/MM/AAAA ou AAAA-MM-JJ)"));
                continue;
            }
            if (!AMOUNT.matcher(amountText).matches()) {
                errors.add(new LineError(number, "montant « " + shown(amountText) + " » mal formé (attendu 1234,50)"));
                continue;
            }
            BigDecimal amount = new BigDecimal(amountText.replace(',', '.'));
            int pieceNumber = Integer.parseInt(piece);
            if (seen.contains(pieceNumber)) {
                errors.add(new LineError(number, "la pièce " + pieceNumber + " figure déjà plus haut dans le fichier"));
                continue;
            }
            PaymentOrder order = orders.findByPieceNumber(pieceNumber).orElse(null);
            if (order == null) {
                errors.add(new LineError(number, "pièce " + pieceNumber + " inconnue : aucun mandat exporté ne porte ce numéro"));
                continue;
            }
            if (order.getAmount().compareTo(amount) != 0) {
                errors.add(new LineError(number, "le montant " + amount(amount.setScale(2)) + " diffère de celui du mandat ("
                        + amount(order.getAmount()) + ")"));
                continue;
            }
            if (order.getMandateNumber() != null) {
                if (order.getMandateNumber().equals(mandate)) {
                    seen.add(pieceNumber);
                    already++;
                } else {
                    errors.add(new LineError(number, "la pièce " + pieceNumber + " est déjà payée par le mandat "
                            + order.getMandateNumber()));
                }
                continue;
            }
            Installment installment = payments.get(order.getInstallmentId());
            LocalDate validated = installment.getValidatedAt() == null ? null
                    : LocalDate.ofInstant(installment.getValidatedAt(), clock.getZone());
            if (validated != null && date.isBefore(validated)) {
                errors.add(new LineError(number, "la date de paiement " + fr.agir.shared.French.date(date)
                        + " précède la validation du mandat (" + fr.agir.shared.French.date(validated) + ")"));
                continue;
            }
            if (date.isAfter(LocalDate.now(clock))) {
                errors.add(new LineError(number, "la date de paiement " + fr.agir.shared.French.date(date)
                        + " est dans le futur"));
                continue;
            }
            seen.add(pieceNumber);
            valid.add(new Line(number, order, mandate, date));
        }
        if (counted == 0) {
            String message = "Le fichier de retour ne contient aucune ligne : attendu une ligne par "
                    + "mandat payé, « pièce;mandat;date de paiement;montant ».";
            throw new InvalidInputException(message, Map.of("file", message));
        }
        boolean nothing = mode == ReturnMode.ALL_OR_NOTHING && !errors.isEmpty();
        int applied = 0;
        if (!nothing) {
            Instant now = Instant.now(clock);
            for (Line l : valid) {
                l.order().returned(l.mandate(), l.date(), now);
                payments.confirmPayment(l.order().getInstallmentId(), l.mandate(), l.date());
                applied++;
            }
        }
        em.createNativeQuery("insert into payment_return (sha256, file_name, imported_by, imported_at, applied_lines, "
                        + "rejected_lines, already_applied_lines, rejected_detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, sha256(content)).setParameter(2, cut(fileName, 200))
                .setParameter(3, currentUser.username()).setParameter(4, java.sql.Timestamp.from(Instant.now(clock)))
                .setParameter(5, applied).setParameter(6, errors.size()).setParameter(7, already)
                .setParameter(8, errors.isEmpty() ? null : String.join("\n", errors.stream()
                        .map(e -> "ligne " + e.line() + " : " + e.message()).toList()))
                .executeUpdate();
        return new ReturnReport(fileName, counted, applied, already, List.copyOf(errors), nothing);
    }

    private static void checkFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (content == null || content.length == 0) {
            String message = "Choisissez le fichier de retour du logiciel financier (CSV).";
            throw new InvalidInputException(message, Map.of("file", message));
        }
        if (content.length > MAX_RETURN_BYTES) {
            String message = "Le fichier de retour dépasse 2 Mo : découpez-le.";
            throw new InvalidInputException(message, Map.of("file", message));
        }
        String detected;
        try {
            detected = fr.agir.structure.UploadChecks.detect(new java.io.ByteArrayInputStream(content));
        } catch (java.io.IOException e) {
            detected = "application/octet-stream";
        }
        boolean textName = name.endsWith(".csv") || name.endsWith(".txt");
        boolean textContent = detected.startsWith("text/") && !new String(content, StandardCharsets.UTF_8).contains("\u0000");
        if (!textName || !textContent) {
            String message = "Le fichier de retour doit être un fichier texte CSV (.csv ou .txt), "
                    + "« pièce;mandat;date de paiement;montant » : « " + cut(fileName == null ? "" : fileName, 80)
                    + " » n'en est pas un (contenu : " + detected + ").";
            throw new InvalidInputException(message, Map.of("file", message));
        }
    }

    private static LocalDate parseDate(String text) {
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ofPattern("dd/MM/uuuu"), DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(String typed) {
        return cut(typed, 40);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    private static String join(String sep, String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + sep + b;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
