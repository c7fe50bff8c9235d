package fr.agir.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mandate a jury member declares (board, job, volunteering): Agir suggests conflicts from it. */
@Entity
@Table(name = "jury_mandate")
public class JuryMandate {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String organisation;
    private String siren;
    private String rna;
    @Column(name = "mandate_role")
    private String role;
    @Column(name = "created_at")
    private Instant createdAt;

    protected JuryMandate() {
    }

    JuryMandate(String username, String organisation, String siren, String rna, String role, Instant createdAt) {
        this.username = username;
        this.organisation = organisation;
        this.siren = siren;
        this.rna = rna;
        this.role = role;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getOrganisation() { return organisation; }
    public String getSiren() { return siren; }
    public String getRna() { return rna; }
    public String getRole() { return role; }
    public Instant getCreatedAt() { return createdAt; }
}
