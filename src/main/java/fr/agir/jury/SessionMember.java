package fr.agir.jury;

import fr.agir.campaign.Thematic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A member of a jury session: his sign-in name, how he is named in the minutes, his e-mail, his thematics. */
@Entity
@Table(name = "jury_session_member")
public class SessionMember {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "session_id")
    private Long sessionId;
    private String username;
    @Column(name = "display_name")
    private String displayName;
    private String email;
    private String thematics;

    protected SessionMember() {
    }

    SessionMember(Long sessionId, String username, String displayName, String email, Set<Thematic> thematics) {
        this.sessionId = sessionId;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.thematics = thematics.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }

    public Set<Thematic> getThematics() {
        Set<Thematic> set = EnumSet.noneOf(Thematic.class);
        Arrays.stream(thematics.split(",")).filter(s -> !s.isBlank()).map(Thematic::valueOf).forEach(set::add);
        return set;
    }

    /** The thematics the secretariat follows for this member when it assigns by thematic. */
    void changeThematics(Set<Thematic> chosen) {
        this.thematics = chosen.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
