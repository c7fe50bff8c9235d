package fr.agir.jury;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JuryMandateRepository extends JpaRepository<JuryMandate, Long> {
    @Query("select j from JuryMandate j where j.username = ?1 order by j.createdAt asc")
    List<JuryMandate> findByUsernameOrderByCreatedAt(String username);

    @Query("select j from JuryMandate j where j.username in ?1")
    List<JuryMandate> findByUsernameIn(Collection<String> usernames);
}
