package fr.agir.instruction;

import fr.agir.security.Directorate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OpinionRepository extends JpaRepository<Opinion, Long> {
    @Query("select o from Opinion o where o.applicationId = ?1 order by o.directorate asc")
    List<Opinion> findByApplicationIdOrderByDirectorate(Long applicationId);

    @Query("select o from Opinion o where o.applicationId = ?1 and o.directorate = ?2")
    Optional<Opinion> findByApplicationIdAndDirectorate(Long applicationId, Directorate directorate);

    @Query("select o from Opinion o where o.directorate in ?1 and o.status in ?2")
    List<Opinion> findByDirectorateInAndStatusIn(Collection<Directorate> directorates, Collection<Opinion.Status> statuses);

    @Query("select case when count(o) > 0 then true else false end from Opinion o where o.applicationId = ?1 and o.directorate in ?2")
    boolean existsByApplicationIdAndDirectorateIn(Long applicationId, Collection<Directorate> directorates);

    @Query("select distinct o.applicationId from Opinion o where o.directorate in ?1")
    List<Long> findApplicationIdsByDirectorateIn(Collection<Directorate> directorates);
}
