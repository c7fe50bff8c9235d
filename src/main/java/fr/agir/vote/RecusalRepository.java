package fr.agir.vote;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RecusalRepository extends JpaRepository<Recusal, Long> {
    @Query("select r from Recusal r where r.lineId in ?1")
    List<Recusal> findByLineIdIn(Collection<Long> lineIds);
}
