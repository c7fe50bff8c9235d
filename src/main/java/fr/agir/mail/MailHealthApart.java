package fr.agir.mail;

import java.util.Set;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.stereotype.Component;

/**
 * The SMTP server's health ({@code mail}, Spring's check of the connection) is reported in its own
 * group, {@code /actuator/health/mail}, and left out of {@code /actuator/health} itself: the outbox
 * keeps the e-mails and sends them once the server is back, so an SMTP outage must not make the
 * node DOWN (503) nor have it taken out of service. Readiness and liveness name their own members.
 */
@Component
class MailHealthApart implements HealthEndpointGroupsPostProcessor {
    static final String MAIL = "mail";

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        HealthEndpointGroup primary = groups.getPrimary();
        HealthEndpointGroup withoutMail = new HealthEndpointGroup() {
            @Override
            public boolean isMember(String name) {
                return !MAIL.equals(name) && primary.isMember(name);
            }

            @Override
            public boolean showComponents(SecurityContext securityContext) {
                return primary.showComponents(securityContext);
            }

            @Override
            public boolean showDetails(SecurityContext securityContext) {
                return primary.showDetails(securityContext);
            }

            @Override
            public StatusAggregator getStatusAggregator() {
                return primary.getStatusAggregator();
            }

            @Override
            public HttpCodeStatusMapper getHttpCodeStatusMapper() {
                return primary.getHttpCodeStatusMapper();
            }

            @Override
            public AdditionalHealthEndpointPath getAdditionalPath() {
                return primary.getAdditionalPath();
            }
        };
        return new HealthEndpointGroups() {
            @Override
            public HealthEndpointGroup getPrimary() {
                return withoutMail;
            }

            @Override
            public Set<String> getNames() {
                return groups.getNames();
            }

            @Override
            public HealthEndpointGroup get(String name) {
                return groups.get(name);
            }
        };
    }
}
