package fr.agir.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Passes the user signed in to Agir (local account or Keycloak) to Cockpit, Tasklist and Admin.
 * Camunda's own filter looks the user up in the engine's identity tables, where Keycloak users do
 * not exist; Agir's users live in Keycloak or in the demo accounts, so the webapp session is built
 * from what Spring Security knows. Only administrators get this far (see {@link SecurityConfig}).
 */
public class CamundaWebappSignOn extends ContainerBasedAuthenticationFilter {
    private static final Set<String> APPS = Set.of("welcome", "cockpit", "tasklist", "admin");

    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
                                                      List<String> tenants) {
        UserAuthentication authentication = new UserAuthentication(username, engine.getName());
        authentication.setGroupIds(groups);
        authentication.setTenantIds(tenants == null ? List.of() : tenants);
        authentication.setAuthorizedApps(APPS);
        return authentication;
    }
}
