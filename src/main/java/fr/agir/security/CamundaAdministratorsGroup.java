package fr.agir.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Cockpit sends everyone to its "create the first administrator" page while the engine's identity
 * tables hold no member of {@code camunda-admin}. Agir's people are not there (they sign in through
 * Agir, see {@link CamundaWebappSignOn}), so this puts one technical member in the group: it has a
 * random password nobody knows and cannot sign in anywhere.
 */
@Component
class CamundaAdministratorsGroup implements ApplicationRunner {
    static final String TECHNICAL_MEMBER = "agirmoteur";

    private final IdentityService identity;

    CamundaAdministratorsGroup(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Administrateurs du moteur");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            if (identity.createUserQuery().userId(TECHNICAL_MEMBER).count() == 0) {
                User user = identity.newUser(TECHNICAL_MEMBER);
                user.setFirstName("Agir");
                user.setLastName("moteur (compte technique, sans connexion)");
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                user.setPassword(HexFormat.of().formatHex(secret));
                identity.saveUser(user);
            }
            identity.createMembership(TECHNICAL_MEMBER, Groups.CAMUNDA_ADMIN);
        }
    }
}
