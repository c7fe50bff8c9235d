package fr.agir.instruction;

import fr.agir.security.Directorate;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The shared mailbox of each directorate as the configuration gives it: {@code agir.directorates.<CODE>.email},
 * by default {@code avis-<code>@agir.example.org}. Read to seed the directorates kept by the administrator
 * ({@link DirectorateRegistry}) at the first start, and for a directorate not kept there.
 */
@Component
public class DirectorateAddresses {
    private final Environment environment;

    public DirectorateAddresses(Environment environment) {
        this.environment = environment;
    }

    public String of(Directorate directorate) {
        return environment.getProperty("agir.directorates." + directorate.name() + ".email",
                "avis-" + directorate.name().toLowerCase(Locale.ROOT) + "@agir.example.org");
    }
}
