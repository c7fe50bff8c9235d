package fr.agir.vote;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ElectedMemberRepository extends JpaRepository<ElectedMember, Long> {
    @Query("select e from ElectedMember e order by e.fullName asc")
    List<ElectedMember> findAllByOrderByFullName();
}
