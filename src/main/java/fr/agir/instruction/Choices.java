package fr.agir.instruction;

import fr.agir.application.ApplicationStatus;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.Thematic;
import fr.agir.security.Directorate;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.structure.Ept;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The options of the back office's selects, value → French label, in display order. */
final class Choices {
    private Choices() {
    }

    static Map<String, String> campaigns(List<Campaign> campaigns) {
        Map<String, String> options = new LinkedHashMap<>();
        campaigns.forEach(c -> options.put(String.valueOf(c.getId()), c.getName()));
        return options;
    }

    static Map<String, String> thematics() {
        Map<String, String> options = new LinkedHashMap<>();
        for (Thematic t : Thematic.values()) {
            options.put(t.name(), t.label());
        }
        return options;
    }

    static Map<String, String> statuses(Collection<ApplicationStatus> statuses) {
        Map<String, String> options = new LinkedHashMap<>();
        statuses.forEach(s -> options.put(s.name(), s.label()));
        return options;
    }

    static Map<String, String> epts() {
        Map<String, String> options = new LinkedHashMap<>();
        for (Ept e : Ept.values()) {
            options.put(e.name(), e.label());
        }
        return options;
    }

    /**
     * The colleagues a step can be given to, by name: the instructors (only they decide on a case;
     * an administrator cannot complete an instruction step).
     */
    static Map<String, String> colleagues(People people) {
        Map<String, String> options = new LinkedHashMap<>();
        people.withRole(Role.INSTRUCTOR).forEach(p -> options.put(p.username(), p.name()));
        return options;
    }

    /** "la DTER", "la Direction de la culture": how a sentence names a directorate. */
    static String directorate(Directorate d) {
        return switch (d) {
            case CULTURE, SPORT -> "la " + d.label();
            default -> "la " + d.name();
        };
    }

    /** "à la DTER et à la DJVA". */
    static String toDirectorates(Collection<Directorate> directorates) {
        List<String> named = directorates.stream().sorted().map(d -> "à " + directorate(d)).toList();
        if (named.size() <= 1) {
            return named.stream().collect(Collectors.joining());
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " et " + named.get(named.size() - 1);
    }
}
