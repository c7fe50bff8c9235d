package fr.agir.structure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The structure's shared case file (dossier unique): identity, legal representative, bank details. */
@Entity
@Table(name = "structure")
public class Structure {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "legal_form")
    private LegalForm legalForm;
    private String siret;
    private String siren;
    private String rna;
    @Column(name = "address_line")
    private String addressLine;
    @Column(name = "postal_code")
    private String postalCode;
    private String commune;
    @Column(name = "commune_insee")
    private String communeInsee;
    @Enumerated(EnumType.STRING)
    private Ept ept;
    @Column(name = "legal_rep_name")
    private String legalRepName;
    @Column(name = "legal_rep_email")
    private String legalRepEmail;
    private String iban;
    private String bic;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    /** An individual (entrepreneur), not a legal person: never named in the open data (V30). */
    @Column(name = "natural_person", nullable = false)
    private boolean naturalPerson;
    @Version
    private long version;

    protected Structure() {
    }

    /** New bank details, once finance has verified them against the new RIB piece (payment/desk). */
    void changeBankDetails(String iban, String bic) {
        this.iban = iban;
        this.bic = bic;
    }

    void markNaturalPerson(boolean naturalPerson) {
        this.naturalPerson = naturalPerson;
    }

    Structure(String name, LegalForm legalForm, String siret, String rna, String addressLine, String postalCode,
              Commune commune, String legalRepName, String legalRepEmail, String iban, String bic,
              String createdBy, Instant createdAt) {
        this.name = name;
        this.legalForm = legalForm;
        this.siret = siret;
        this.siren = siret == null ? null : siret.substring(0, 9);
        this.rna = rna;
        this.addressLine = addressLine;
        this.postalCode = postalCode;
        this.commune = commune.label();
        this.communeInsee = commune.insee();
        this.ept = commune.ept();
        this.legalRepName = legalRepName;
        this.legalRepEmail = legalRepEmail;
        this.iban = iban;
        this.bic = bic;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public LegalForm getLegalForm() { return legalForm; }
    public String getSiret() { return siret; }
    public String getSiren() { return siren; }
    public String getRna() { return rna; }
    public String getAddressLine() { return addressLine; }
    public String getPostalCode() { return postalCode; }
    public String getCommune() { return commune; }
    public String getCommuneInsee() { return communeInsee; }
    public Ept getEpt() { return ept; }
    public String getLegalRepName() { return legalRepName; }
    public String getLegalRepEmail() { return legalRepEmail; }
    public String getIban() { return iban; }
    public String getBic() { return bic; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isNaturalPerson() { return naturalPerson; }
}
