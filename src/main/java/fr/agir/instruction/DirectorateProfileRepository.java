package fr.agir.instruction;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DirectorateProfileRepository extends JpaRepository<DirectorateProfile, String> {
    @Query("select d from DirectorateProfile d order by d.code asc")
    List<DirectorateProfile> findAllByOrderByCode();
}
