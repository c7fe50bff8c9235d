package fr.agir.instruction;

import fr.agir.application.TargetPublic;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.LegalForm;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directorates as the administrator keeps them (table {@code directorate}, V35): their mailboxes are where
 * their reminders go, an inactive one is asked no new opinion. Seeded at the first start from what the
 * configuration said until then ({@link DirectorateAddresses}) and from the thematics the routing table sends
 * each; every change is checked (each field's error in French, nothing saved) and audited with its diff.
 */
@Service
public class DirectorateRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorateRegistry.class);
    static final String ENTITY = "DIRECTORATE";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    /** One address: a local part, an @, a domain with a dot; no spaces, commas or angle brackets. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]{1,64}@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]{2,}");

    private final DirectorateProfileRepository profiles;
    private final DirectorateAddresses configured;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public DirectorateRegistry(DirectorateProfileRepository profiles, DirectorateAddresses configured, Workflow workflow,
                               AuditTrail audit, CurrentUser currentUser, Clock clock,
                               org.springframework.transaction.PlatformTransactionManager transactions) {
        this.profiles = profiles;
        this.configured = configured;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** What the administrator types; the mailboxes one per line (or separated by commas). */
    public record Settings(String code, String name, String mailboxes, List<String> thematics, boolean active) {
    }

    /** At the first start (an empty table), each directorate as the configuration and the routing table had it. */
    @EventListener(ApplicationReadyEvent.class)
    public void seedFromConfiguration() {
        try {
            transactions.executeWithoutResult(status -> {
                if (profiles.count() > 0) {
                    return;
                }
                for (Directorate d : Directorate.values()) {
                    DirectorateProfile p = new DirectorateProfile(d.name());
                    p.apply(d.label(), List.of(configured.of(d)), routedThematics(d.name()), true,
                            currentUser.usernameOrSystem(), Instant.now(clock));
                    profiles.save(p);
                    audit.record(ENTITY, null, null, AuditAction.DIRECTORATE_CREATED, null, null,
                            d.name() + " : reprise de la configuration (" + configured.of(d) + ")");
                }
            });
        } catch (DataIntegrityViolationException anotherNodeSeeded) {
            LOG.info("Directorates already seeded by another node");
        }
    }

    /** The thematics the routing table sends to a directorate on the thematic alone (a neutral public, form, amount). */
    Set<Thematic> routedThematics(String code) {
        Set<Thematic> routed = EnumSet.noneOf(Thematic.class);
        for (Thematic thematic : Thematic.values()) {
            Map<String, Object> facts = Map.of("thematic", thematic.name(), "targetPublic", TargetPublic.TOUS_PUBLICS.name(),
                    "legalForm", LegalForm.ASSOCIATION.name(), "totalRequested", 0L);
            if (workflow.simulate(ProcessKeys.OPINION_ROUTING, facts, "directorate").contains(code)) {
                routed.add(thematic);
            }
        }
        return routed;
    }

    @Transactional(readOnly = true)
    public List<DirectorateProfile> all() {
        return profiles.findAllByOrderByCode();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public DirectorateProfile get(String code) {
        return profiles.findById(code).orElseThrow(() -> new NotFoundException("Direction introuvable."));
    }

    /**
     * Where a directorate's reminders go: its mailboxes as kept here; the configured address when it is not
     * kept (yet) here.
     */
    @Transactional(readOnly = true)
    public List<String> mailboxes(Directorate directorate) {
        return profiles.findById(directorate.name()).map(DirectorateProfile::getMailboxes).filter(m -> !m.isEmpty())
                .orElseGet(() -> List.of(configured.of(directorate)));
    }

    /** False only for a directorate the administrator marked inactive; one not kept here is consulted. */
    @Transactional(readOnly = true)
    public boolean isActive(String code) {
        return profiles.findById(code).map(DirectorateProfile::isActive).orElse(true);
    }

    /**
     * The directorates the routing table picked, less those the administrator marked inactive: they are asked no
     * new opinion, and the case's history says so (the routing table stays the rule; an inactive directorate it
     * names is also shown on the administration's page).
     */
    @Transactional
    public List<String> consulted(Long applicationId, List<String> routed) {
        List<String> inactive = routed.stream().distinct().filter(code -> !isActive(code)).toList();
        if (inactive.isEmpty()) {
            return routed;
        }
        audit.record(InstructionService.OPINION, null, applicationId, AuditAction.ROUTING_ADJUSTED, null, null,
                "Proposition de la table de routage : " + String.join(", ", routed.stream().distinct().toList())
                        + " ; non consultée" + (inactive.size() > 1 ? "s" : "") + " car inactive"
                        + (inactive.size() > 1 ? "s" : "") + " dans l'administration : " + String.join(", ", inactive));
        return routed.stream().filter(code -> !inactive.contains(code)).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DirectorateProfile create(Settings s) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = s.code() == null ? "" : s.code().strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            errors.put("code", "Indiquez le code de la direction");
        } else if (!CODE.matcher(code).matches()) {
            errors.put("code", "De 2 à 20 caractères : majuscules, chiffres et « _ », une lettre d'abord (par exemple DJVA)");
        } else if (profiles.existsById(code)) {
            errors.put("code", "Une direction porte déjà ce code");
        }
        Checked checked = check(s, errors);
        DirectorateProfile profile = new DirectorateProfile(code);
        profile.apply(checked.name(), checked.mailboxes(), checked.thematics(), s.active(), currentUser.username(),
                Instant.now(clock));
        profiles.save(profile);
        audit.record(ENTITY, null, null, AuditAction.DIRECTORATE_CREATED, null, null, code + " : " + describe(profile));
        return profile;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DirectorateProfile update(String code, Settings s) {
        DirectorateProfile profile = get(code);
        Checked checked = check(s, new LinkedHashMap<>());
        List<String> changes = new ArrayList<>();
        diff(changes, "Nom", profile.getName(), checked.name());
        diff(changes, "Boîtes aux lettres", String.join(", ", profile.getMailboxes()), String.join(", ", checked.mailboxes()));
        diff(changes, "Thématiques suivies", labels(profile.getThematics()), labels(checked.thematics()));
        diff(changes, "Active", profile.isActive() ? "oui" : "non", s.active() ? "oui" : "non");
        if (changes.isEmpty()) {
            return profile;
        }
        profile.apply(checked.name(), checked.mailboxes(), checked.thematics(), s.active(), currentUser.username(),
                Instant.now(clock));
        audit.record(ENTITY, null, null, AuditAction.DIRECTORATE_UPDATED, null, null, code + " : " + String.join(" ; ", changes));
        return profile;
    }

    private record Checked(String name, List<String> mailboxes, Set<Thematic> thematics) {
    }

    /** Every field's error at once; throws with them (nothing saved) when there is any. */
    private static Checked check(Settings s, Map<String, String> errors) {
        String name = s.name() == null ? "" : s.name().strip();
        if (name.isEmpty()) {
            errors.put("name", "Indiquez le nom de la direction");
        } else if (name.length() > 200) {
            errors.put("name", "200 caractères au plus");
        }
        List<String> mailboxes = s.mailboxes() == null ? List.of() : Arrays.stream(s.mailboxes().split("[,;\\s]+"))
                .map(String::strip).filter(m -> !m.isEmpty()).distinct().toList();
        List<String> invalid = mailboxes.stream().filter(m -> !EMAIL.matcher(m).matches()).toList();
        if (mailboxes.isEmpty()) {
            errors.put("mailboxes", "Indiquez au moins une adresse électronique : les rappels d'avis y sont envoyés");
        } else if (!invalid.isEmpty()) {
            errors.put("mailboxes", (invalid.size() > 1 ? "Ces adresses ne sont pas valides : " : "Cette adresse n'est pas valide : ")
                    + String.join(", ", invalid) + " (par exemple avis-djva@seinesaintdenis.fr)");
        } else if (String.join(",", mailboxes).length() > 1000) {
            errors.put("mailboxes", "1 000 caractères au plus en tout");
        }
        Set<Thematic> thematics = EnumSet.noneOf(Thematic.class);
        for (String t : s.thematics() == null ? List.<String>of() : s.thematics()) {
            Optional<Thematic> known = Arrays.stream(Thematic.values()).filter(x -> x.name().equals(t)).findFirst();
            if (known.isEmpty()) {
                errors.put("thematics", "Thématique inconnue : choisissez parmi celles proposées");
            } else {
                thematics.add(known.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La direction n'a pas été enregistrée : corrigez ce qui est signalé.", errors);
        }
        return new Checked(name, mailboxes, thematics);
    }

    private static String describe(DirectorateProfile p) {
        return p.getName() + " ; boîtes aux lettres : " + String.join(", ", p.getMailboxes()) + " ; thématiques suivies : "
                + labels(p.getThematics()) + " ; active : " + (p.isActive() ? "oui" : "non");
    }

    static String labels(Set<Thematic> thematics) {
        return thematics.isEmpty() ? "aucune" : thematics.stream().map(Thematic::label).collect(Collectors.joining(", "));
    }

    private static void diff(List<String> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(field + " : " + before + " → " + after);
        }
    }
}
