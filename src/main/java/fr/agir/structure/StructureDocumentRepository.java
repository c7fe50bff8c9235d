package fr.agir.structure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StructureDocumentRepository extends JpaRepository<StructureDocument, Long> {
    /** Every version of every type, newest first within a type. */
    List<StructureDocument> findByStructureIdOrderByTypeAscVersionNumberDesc(Long structureId);

    Optional<StructureDocument> findFirstByStructureIdAndTypeAndSha256OrderByVersionNumberDesc(
            Long structureId, DocumentType type, String sha256);

    @Query("select coalesce(max(d.versionNumber), 0) from StructureDocument d "
            + "where d.structureId = :structureId and d.type = :type")
    int lastVersion(Long structureId, DocumentType type);

    Optional<StructureDocument> findByIdAndStructureId(Long id, Long structureId);

    /** Every version of every type of these structures, those {@code username} is a member of only. */
    @Query("select d from StructureDocument d where d.structureId in :structureIds and d.structureId in "
            + "(select m.structureId from StructureMember m where m.username = :username)")
    List<StructureDocument> ofMemberStructures(Collection<Long> structureIds, String username);
}
