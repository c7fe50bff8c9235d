package fr.agir.api;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes (junit-platform.properties): the tests against Keycloak ({@link KeycloakTestSupport})
 * come last, every other class keeps its place. Keycloak starts on the second lane when the integration tests begin
 * ({@link KeycloakServerIT}); its start (one to several minutes on two cores) is then over, or nearly, when they come.
 */
public final class KeycloakTestsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: the other classes stay in the order they were found.
        context.getClassDescriptors().sort(Comparator.comparingInt(
                d -> KeycloakTestSupport.class.isAssignableFrom(d.getTestClass()) ? 1 : 0));
    }
}
