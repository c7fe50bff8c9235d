package fr.agir.payment.recovery;

import fr.agir.agreement.LegalInstrumentRules;
import fr.agir.agreement.Signatory;
import fr.agir.application.Application;
import fr.agir.application.ApplicationLetters;
import fr.agir.application.ApplicationService;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.mail.OutgoingMail;
import fr.agir.security.Directorate;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.PdfDocumentBuilder;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter that notifies a recovery order to the structure: a PDF/A (amount, reason, agreement, how to
 * pay, the means of contesting it) kept with the order, e-mailed to the legal representative through the
 * outbox, and listed on the portal application page (its structure only; anyone else: not found).
 */
@Component
public class RecoveryLetter implements ApplicationLetters {
    static final String TITLE = "Titre de recettes";

    private final RecoveryOrderRepository orders;
    private final ApplicationService applications;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final Signatory signatory;
    private final LegalInstrumentRules rules;
    private final EntityManager em;
    private final java.time.Clock clock;
    private final String departmentAddress;
    private final String accountant;

    public RecoveryLetter(RecoveryOrderRepository orders, ApplicationService applications,
                          MailOutbox outbox, MailTemplates mails, Signatory signatory,
                          LegalInstrumentRules rules, EntityManager em, java.time.Clock clock,
                          @Value("${agir.contact.address:Hôtel du Département, 93006 Bobigny Cedex}") String departmentAddress,
                          @Value("${agir.recovery.accountant:Paierie départementale de la Seine-Saint-Denis}") String accountant) {
        this.orders = orders;
        this.applications = applications;
        this.outbox = outbox;
        this.mails = mails;
        this.signatory = signatory;
        this.rules = rules;
        this.em = em;
        this.clock = clock;
        this.departmentAddress = departmentAddress;
        this.accountant = accountant;
    }

    /** Writes the letter of a new order, keeps it with the order and e-mails it to the legal representative. */
    void send(RecoveryOrder order) {
        Application application = applications.get(order.getApplicationId());
        Object[] refs = (Object[]) em.createNativeQuery("""
                select (select ag.agreement_number from agreement ag where ag.application_id = a.id order by ag.id desc limit 1),
                       s.legal_rep_name
                  from application a join structure s on s.id = a.structure_id where a.id = ?1""")
                .setParameter(1, order.getApplicationId()).getSingleResult();
        byte[] pdf = render(order, application.getReference(), application.getTitle(), (String) refs[0],
                (String) refs[1], LocalDate.now(clock));
        order.letter(pdf);
        if (order.getLegalRepEmail() == null || order.getLegalRepEmail().isBlank()) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("application", application);
        values.put("order", order);
        values.put("amount", Money.format(order.getAmount()));
        outbox.enqueue(mails.mail("recovery-order", List.of(order.getLegalRepEmail()), values,
                List.of(new OutgoingMail.Attachment(fileName(order), "application/pdf", pdf))));
    }

    static String fileName(RecoveryOrder order) {
        return "titre-de-recettes-" + order.getNumber() + ".pdf";
    }

    byte[] render(RecoveryOrder o, String reference, String projectTitle, String agreementNumber, String legalRepName,
                  LocalDate today) {
        StringBuilder to = new StringBuilder(o.getDebtorName());
        if (legalRepName != null && !legalRepName.isBlank()) {
            to.append("\nÀ l'attention de ").append(legalRepName).append(", représentant légal");
        }
        if (o.getDebtorAddress() != null && !o.getDebtorAddress().isBlank()) {
            to.append("\n").append(o.getDebtorAddress());
        }
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(TITLE + " " + o.getNumber())
                .heading("Département de la Seine-Saint-Denis")
                .paragraph(Directorate.DIEESS.label() + " (DIEESS)")
                .paragraph(departmentAddress)
                .paragraph("Bobigny, le " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH)))
                .field("Référence", reference + " — titre de recettes n° " + o.getNumber())
                .section("Destinataire")
                .paragraph(to.toString())
                .section("Objet : titre de recettes — projet « " + projectTitle + " »")
                .paragraph("Madame, Monsieur,")
                .paragraph("Le Département émet à l'encontre de votre structure un titre de recettes de "
                        + French.eurosInFiguresAndWords(o.getAmount()) + ", au titre de la subvention accordée pour "
                        + "le projet « " + projectTitle + " »"
                        + (agreementNumber == null ? "" : " (convention ou arrêté n° " + agreementNumber + ")") + ".")
                .field("Numéro du titre", o.getNumber())
                .field("Montant à reverser", Money.format(o.getAmount()))
                .field("Motif", o.getReason())
                .section("Comment payer")
                .paragraph("Ne payez pas avant d'avoir reçu l'avis des sommes à payer : le comptable public ("
                        + accountant + ") vous l'adressera ; il indique les modalités de paiement (virement, "
                        + "paiement en ligne) et la date limite. Rappelez le numéro du titre " + o.getNumber()
                        + " avec votre paiement. En cas de difficulté, vous pouvez demander des délais de paiement "
                        + "au comptable public.")
                .section("Voies et délais de recours")
                .paragraph("Vous pouvez contester ce titre de recettes (article L. 1617-5 du code général des "
                        + "collectivités territoriales) dans un délai de deux mois à compter de la réception de "
                        + "l'avis des sommes à payer :")
                .paragraph("- par un recours gracieux auprès du Président du Conseil départemental de la "
                        + "Seine-Saint-Denis (" + departmentAddress + ") ; le silence gardé pendant deux mois vaut "
                        + "rejet ;")
                .paragraph("- par un recours contentieux devant le " + rules.getAppealCourt() + ", y compris par "
                        + "l'application Télérecours citoyens accessible sur le site www.telerecours.fr.");
        return signatory.closeLetter(pdf).build();
    }

    // ------------------------------------------------------------------ who reads it

    /** The structure's members and DIEESS staff; anyone else is told "not found". */
    Application readable(Long applicationId) {
        return applications.lettersReadable(applicationId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Letter> of(Long applicationId) {
        if (applications.lettersReadableIfAny(applicationId).isEmpty()) {
            return List.of();
        }
        return orders.findByApplicationIdOrderByIdAsc(applicationId).stream()
                .map(o -> new Letter(o.getId(), TITLE + " " + o.getNumber() + " (" + Money.format(o.getAmount())
                        + ", " + o.getStatusLabel().toLowerCase() + ")", o.getCreatedAt(),
                        "/portail/candidatures/" + applicationId + "/titres/" + o.getId() + "/courrier"))
                .toList();
    }
}
