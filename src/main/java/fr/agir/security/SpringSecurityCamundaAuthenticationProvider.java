package fr.agir.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells the Camunda webapps who signed in through Spring Security (admins only reach them), with
 * the same candidate groups as Agir's task lists, whether the user came from Keycloak or not.
 */
public class SpringSecurityCamundaAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(auth.getName());
        Set<String> authorities = CurrentUser.names(auth);
        List<String> groups = new ArrayList<>(CurrentUser.candidateGroups(authorities));
        if (authorities.contains(Role.ADMIN.authority())) {
            groups.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }
        result.setGroups(groups);
        return result;
    }
}
