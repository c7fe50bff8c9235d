package fr.agir.agreement;

import fr.agir.instruction.AgreementsAwaitingSignature;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.shared.TimeConfig;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Département's signatory is reminded of what waits for his countersignature: on working days
 * ({@code agir.agreement.countersignature-digest-cron}, Paris time), one e-mail to each person with the role
 * {@code signatory} (and to {@code agir.agreement.countersignature-digest-to} if set) lists the agreements and
 * avenants signed by their structure more than {@code agir.agreement.countersignature-waiting} ago, the longest
 * waiting first. Nothing is sent when nothing waits that long. One node sends it: the one whose row for the day
 * is inserted in {@code countersignature_digest}.
 */
@Service
public class CountersignatureDigest {
    private static final Logger log = LoggerFactory.getLogger(CountersignatureDigest.class);

    /** One act waiting for the countersignature: an agreement or an avenant. */
    public record Item(String number, String kind, String reference, String title, String structureName,
                       BigDecimal amount, LocalDate signedOn, long days) {
    }

    private final AgreementsAwaitingSignature agreementsWaiting;
    private final AmendmentRepository amendments;
    private final AgreementRepository agreements;
    private final fr.agir.application.ApplicationService applications;
    private final fr.agir.structure.StructureService structures;
    private final People people;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Period waiting;
    private final List<String> alsoTo;

    public CountersignatureDigest(AgreementsAwaitingSignature agreementsWaiting, AmendmentRepository amendments,
                                  AgreementRepository agreements, fr.agir.application.ApplicationService applications,
                                  fr.agir.structure.StructureService structures, People people, MailOutbox outbox,
                                  MailTemplates mails, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  Clock clock,
                                  @Value("${agir.agreement.countersignature-waiting:P3D}") Period waiting,
                                  @Value("${agir.agreement.countersignature-digest-to:}") List<String> alsoTo) {
        this.agreementsWaiting = agreementsWaiting;
        this.amendments = amendments;
        this.agreements = agreements;
        this.applications = applications;
        this.structures = structures;
        this.people = people;
        this.outbox = outbox;
        this.mails = mails;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        if (waiting.isNegative()) {
            throw new IllegalArgumentException("agir.agreement.countersignature-waiting must not be negative");
        }
        this.waiting = waiting;
        this.alsoTo = alsoTo.stream().filter(s -> !s.isBlank()).toList();
    }

    @Scheduled(cron = "${agir.agreement.countersignature-digest-cron:0 0 8 * * MON-FRI}", zone = "Europe/Paris")
    void sendToday() {
        try {
            send(LocalDate.now(clock.withZone(TimeConfig.PARIS)));
        } catch (RuntimeException e) {
            log.error("Countersignature digest not sent: {}", e.getMessage(), e);
        }
    }

    /**
     * The day's digest, unless a node already sent it: how many acts it listed (0 when nothing waited long
     * enough: no e-mail), empty when the day's digest was already done.
     */
    public java.util.OptionalInt send(LocalDate day) {
        Integer sent = transactions.execute(status -> {
            List<Item> items = waitingLongerThan(waiting);
            try {
                jdbc.update("insert into countersignature_digest (digest_day, acts, sent_at) values (?, ?, ?)", day,
                        items.size(), Timestamp.from(Instant.now(clock)));
            } catch (DuplicateKeyException alreadySent) {
                return null;
            }
            if (items.isEmpty()) {
                return 0;
            }
            Set<String> to = new LinkedHashSet<>();
            people.withRole(Role.SIGNATORY).stream().map(People.Person::email).filter(e -> e != null && !e.isBlank())
                    .forEach(to::add);
            to.addAll(alsoTo);
            for (String address : to) {
                outbox.enqueue(mails.mail("countersignature-digest", List.of(address),
                        Map.of("items", items, "count", items.size(), "waiting", waiting.getDays())));
            }
            if (to.isEmpty()) {
                log.warn("{} act(s) wait for the countersignature but no signatory has an e-mail address", items.size());
            }
            return items.size();
        });
        return sent == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(sent);
    }

    /** The agreements and avenants signed by their structure before now − {@code period}, the longest first. */
    List<Item> waitingLongerThan(Period period) {
        Instant now = Instant.now(clock);
        Instant before = now.atZone(TimeConfig.PARIS).minus(period).toInstant();
        List<Item> items = new ArrayList<>();
        for (AgreementsAwaitingSignature.Waiting w : agreementsWaiting.all()) {
            if (w.awaiting() == AgreementsAwaitingSignature.Awaiting.DEPARTEMENT && w.since() != null
                    && !w.since().isAfter(before)) {
                items.add(new Item(w.agreementNumber(), "Convention", w.reference(), w.title(), w.structureName(),
                        w.amount(), w.since().atZone(TimeConfig.PARIS).toLocalDate(), days(w.since(), now)));
            }
        }
        for (Amendment a : amendments.findByStatusOrderBySignedAtAscIdAsc(Amendment.Status.SIGNED)) {
            if (a.getSignedAt() == null || a.getSignedAt().isAfter(before)) {
                continue;
            }
            Agreement agreement = agreements.findById(a.getAgreementId()).orElse(null);
            if (agreement == null) {
                continue;
            }
            fr.agir.application.Application application = applications.get(agreement.getApplicationId());
            items.add(new Item(a.getNumber(), "Avenant", application.getReference(), application.getTitle(),
                    structures.get(application.getStructureId()).getName(), a.getTotalAmount(),
                    a.getSignedAt().atZone(TimeConfig.PARIS).toLocalDate(), days(a.getSignedAt(), now)));
        }
        items.sort(Comparator.comparing(Item::signedOn).thenComparing(Item::number));
        return items;
    }

    private static long days(Instant since, Instant now) {
        return ChronoUnit.DAYS.between(since.atZone(TimeConfig.PARIS).toLocalDate(),
                now.atZone(TimeConfig.PARIS).toLocalDate());
    }
}
