package fr.agir.vote;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RecusalRepository extends JpaRepository<Recusal, Long> {
    List<Recusal> findByLineIdIn(Collection<Long> lineIds);
}
