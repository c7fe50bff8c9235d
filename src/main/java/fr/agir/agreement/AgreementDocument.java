package fr.agir.agreement;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.campaign.CampaignService;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.PdfDocumentBuilder;
import fr.agir.shared.PdfTableBuilder;
import fr.agir.shared.TextTemplate;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.vote.Decision;
import fr.agir.vote.VoteService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement (CPO) as a PDF/A-2b: the wording of {@link AgreementTemplate} (the file the DIEESS
 * edits) filled with the facts of the case (structure, délibération, granted amounts, payment terms,
 * signatory), laid out by {@link PdfDocumentBuilder} with a table of amounts and "page n / N".
 */
@Component
public class AgreementDocument {
    private final ApplicationService applications;
    private final StructureService structures;
    private final VoteService votes;
    private final CampaignService campaigns;
    private final PaymentTerms terms;
    private final LegalInstrumentRules rules;
    private final Signatory signatory;
    private final AgreementTemplate template;
    private final fr.agir.security.People people;
    private final String departmentAddress;

    public AgreementDocument(ApplicationService applications, StructureService structures, VoteService votes,
                             CampaignService campaigns, PaymentTerms terms, LegalInstrumentRules rules,
                             Signatory signatory, AgreementTemplate template, fr.agir.security.People people,
                             @Value("${agir.contact.address:Hôtel du Département, 93006 Bobigny Cedex}")
                             String departmentAddress) {
        this.applications = applications;
        this.structures = structures;
        this.votes = votes;
        this.campaigns = campaigns;
        this.terms = terms;
        this.rules = rules;
        this.signatory = signatory;
        this.template = template;
        this.people = people;
        this.departmentAddress = departmentAddress;
    }

    @Transactional(readOnly = true)
    public byte[] render(Agreement agreement) {
        return layout("Convention " + agreement.getNumber(), template.current().render(facts(agreement)));
    }

    /** The datum of each name of {@link AgreementTemplate#VOCABULARY} for this agreement. */
    Map<String, Object> facts(Agreement agreement) {
        Application application = applications.get(agreement.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        Decision decision = votes.of(application.getId());
        Map<Integer, BigDecimal> granted = agreement.getEstablishedAmounts();
        if (granted.isEmpty()) {
            granted = new TreeMap<>(applications.amounts(application.getId(), AmountKind.GRANTED));
        }
        Map<String, Object> f = new HashMap<>();
        f.put("convention.numero", agreement.getNumber());
        f.put("convention.date", French.date(agreement.getGeneratedAt()));
        int years = agreement.getDurationYears();
        f.put("convention.duree", years == 1 ? "un an" : years == 2 ? "deux ans" : French.years(years));
        f.put("convention.premiere_annee", String.valueOf(agreement.getFirstYear()));
        f.put("convention.derniere_annee", String.valueOf(agreement.getFirstYear() + years - 1));
        f.put("convention.pluriannuelle", years > 1);
        f.put("dossier.reference", application.getReference());
        f.put("dossier.date_depot", French.date(application.getSubmittedAt()));
        f.put("appel.nom", campaigns.get(application.getCampaignId()).getName());
        f.put("departement.adresse", departmentAddress);
        f.put("departement.signataire", signatory.getName());
        f.put("departement.signataire.qualite", signatory.getTitle() == null ? "" : signatory.getTitle().strip());
        f.put("departement.delegation", signatory.isDelegation());
        f.put("deliberation.numero", decision.getDeliberationNumber());
        f.put("deliberation.date", French.date(decision.getDeliberationDate()));
        f.put("structure.nom", structure.getName());
        f.put("structure.forme_juridique", lowerFirst(structure.getLegalForm().label()));
        f.put("structure.siret", structure.getSiret());
        f.put("structure.rna", structure.getRna());
        f.put("structure.siege", seat(structure));
        f.put("structure.representant", structure.getLegalRepName());
        f.put("structure.iban", structure.getIban());
        f.put("structure.bic", structure.getBic());
        f.put("projet.titre", application.getTitle());
        f.put("projet.description", application.getDescription());
        f.put("projet.thematique", application.getThematic() == null ? "" : application.getThematic().label());
        f.put("projet.public", application.getTargetPublic() == null ? "" : application.getTargetPublic().label());
        f.put("projet.territoire", application.getTerritory());
        f.put("montant.total", Money.format(agreement.getTotalAmount()));
        f.put("montant.total_lettres", French.euros(agreement.getTotalAmount()));
        f.put("versement.avance_pourcentage", terms.advancePercent());
        for (int year = 1; year <= 2; year++) {
            BigDecimal amount = granted.get(year);
            String prefix = "annee" + year + ".";
            f.put(prefix + "exercice", year <= years ? String.valueOf(agreement.getFirstYear() + year - 1) : "");
            f.put(prefix + "montant", amount == null ? "" : Money.format(amount));
            f.put(prefix + "montant_lettres", amount == null ? "" : French.euros(amount));
            f.put(prefix + "avance", amount == null ? "" : Money.format(terms.advanceOf(amount)));
            f.put(prefix + "solde", amount == null ? "" : Money.format(amount.subtract(terms.advanceOf(amount))));
        }
        f.put("tribunal", rules.getAppealCourt());
        f.put("signature.structure", agreement.getSignedAt() == null
                ? "Signature électronique du représentant légal : en attente."
                : "Signée électroniquement par " + people.name(agreement.getSignedBy()) + " le "
                + French.date(agreement.getSignedAt()) + ".");
        f.put("signature.departement", agreement.getCountersignedAt() == null
                ? "Contresignature électronique : apposée par le signataire du Département après la signature de la "
                + "structure (voir les signatures du fichier)."
                : "Contresignée électroniquement par " + people.name(agreement.getCountersignedBy()) + " le "
                + French.date(agreement.getCountersignedAt()) + ".");
        f.put("signature.portee", AgreementService.SEAL_MEANING);
        f.put("tableau.montants", amountsTable(agreement, granted));
        return f;
    }

    private TextTemplate.TableValue amountsTable(Agreement agreement, Map<Integer, BigDecimal> granted) {
        String advance = "Avance (" + terms.advancePercent() + " %)";
        List<PdfTableBuilder.Column> columns = List.of(new PdfTableBuilder.Column("Année", 1, false),
                new PdfTableBuilder.Column("Exercice", 1, false),
                new PdfTableBuilder.Column("Montant attribué", 1.4f, true),
                new PdfTableBuilder.Column(advance, 1.4f, true),
                new PdfTableBuilder.Column("Solde après compte-rendu", 1.6f, true));
        List<List<String>> rows = new ArrayList<>();
        BigDecimal advances = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<Integer, BigDecimal> year : granted.entrySet()) {
            BigDecimal a = terms.advanceOf(year.getValue());
            advances = advances.add(a);
            total = total.add(year.getValue());
            rows.add(List.of("Année " + year.getKey(), String.valueOf(agreement.getFirstYear() + year.getKey() - 1),
                    Money.format(year.getValue()), Money.format(a), Money.format(year.getValue().subtract(a))));
        }
        rows.add(List.of("Total", "", Money.format(total), Money.format(advances), Money.format(total.subtract(advances))));
        return new TextTemplate.TableValue(columns, rows, true);
    }

    /** "association loi 1901", but "SARL agréée ESUS": the label as it reads within a sentence. */
    private static String lowerFirst(String label) {
        return label.length() > 1 && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    private static String seat(Structure structure) {
        StringBuilder seat = new StringBuilder();
        if (structure.getAddressLine() != null && !structure.getAddressLine().isBlank()) {
            seat.append(structure.getAddressLine().strip());
        }
        String town = ((structure.getPostalCode() == null ? "" : structure.getPostalCode()) + " "
                + (structure.getCommune() == null ? "" : structure.getCommune())).strip();
        if (!town.isEmpty()) {
            seat.append(seat.isEmpty() ? "" : ", ").append(town);
        }
        return seat.toString();
    }

    /** The template's parts drawn by the document builder. */
    static byte[] layout(String title, List<TextTemplate.Part> parts) {
        PdfDocumentBuilder pdf = new PdfDocumentBuilder(title).numberPages();
        for (TextTemplate.Part part : parts) {
            if (part instanceof TextTemplate.Title t) {
                pdf.heading(t.text());
            } else if (part instanceof TextTemplate.Heading h) {
                pdf.section(h.text());
            } else if (part instanceof TextTemplate.Paragraph p) {
                pdf.paragraph(p.text());
            } else if (part instanceof TextTemplate.Item i) {
                pdf.bullet(i.text());
            } else if (part instanceof TextTemplate.Table t) {
                pdf.table(t.value().columns(), t.value().rows(), t.value().lastRowBold());
            } else {
                pdf.pageBreak();
            }
        }
        return pdf.build();
    }
}
