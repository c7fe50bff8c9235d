package fr.agir.jury;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JuryMandateRepository extends JpaRepository<JuryMandate, Long> {
    List<JuryMandate> findByUsernameOrderByCreatedAt(String username);

    List<JuryMandate> findByUsernameIn(Collection<String> usernames);
}
