package fr.agir.vote;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ElectedMemberLinkRepository extends JpaRepository<ElectedMemberLink, Long> {
    @Query("select e from ElectedMemberLink e where e.structureId in ?1")
    List<ElectedMemberLink> findByStructureIdIn(Collection<Long> structureIds);

    @Query("select e from ElectedMemberLink e where e.memberId = ?1")
    List<ElectedMemberLink> findByMemberId(Long memberId);

    @Query("select case when count(e) > 0 then true else false end from ElectedMemberLink e where e.memberId = ?1 and e.structureId = ?2 and e.kind = ?3")
    boolean existsByMemberIdAndStructureIdAndKind(Long memberId, Long structureId, ElectedMemberLink.Kind kind);
}
