package fr.agir.instruction;

import fr.agir.campaign.Thematic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A directorate as the administrator keeps it: its name, the shared mailboxes its reminders go to, the thematics
 * it follows (declared; the routing table decides who is consulted), and whether it is still consulted.
 */
@Entity
@Table(name = "directorate")
public class DirectorateProfile {
    @Id
    private String code;
    private String name;
    private String mailboxes;
    private String thematics;
    private boolean active;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected DirectorateProfile() {
    }

    DirectorateProfile(String code) {
        this.code = code;
    }

    void apply(String name, List<String> mailboxes, Set<Thematic> thematics, boolean active, String by, Instant at) {
        this.name = name;
        this.mailboxes = String.join(",", mailboxes);
        this.thematics = thematics.isEmpty() ? null
                : thematics.stream().sorted().map(Thematic::name).collect(Collectors.joining(","));
        this.active = active;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public List<String> getMailboxes() {
        return mailboxes == null || mailboxes.isBlank() ? List.of() : List.of(mailboxes.split(","));
    }

    /** The thematics followed, in the enum's order. */
    public Set<Thematic> getThematics() {
        Set<Thematic> set = EnumSet.noneOf(Thematic.class);
        if (thematics != null && !thematics.isBlank()) {
            Arrays.stream(thematics.split(",")).map(Thematic::valueOf).forEach(set::add);
        }
        return set;
    }

    public boolean isActive() {
        return active;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
