package fr.agir.structure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StructureDocumentRepository extends JpaRepository<StructureDocument, Long> {
    /** Every version of every type, newest first within a type. */
    @Query("select s from StructureDocument s where s.structureId = ?1 order by s.type asc, s.versionNumber desc")
    List<StructureDocument> findByStructureIdOrderByTypeAscVersionNumberDesc(Long structureId);

    /** The versions of this type with this content, newest first (an upload of the same file is not stored twice). */
    @Query("select s from StructureDocument s where s.structureId = ?1 and s.type = ?2 and s.sha256 = ?3 "
            + "order by s.versionNumber desc")
    List<StructureDocument> withContent(Long structureId, DocumentType type, String sha256, Limit limit);

    @Query("select coalesce(max(d.versionNumber), 0) from StructureDocument d "
            + "where d.structureId = :structureId and d.type = :type")
    int lastVersion(Long structureId, DocumentType type);

    @Query("select s from StructureDocument s where s.id = ?1 and s.structureId = ?2")
    Optional<StructureDocument> findByIdAndStructureId(Long id, Long structureId);

    /** Every version of every type of these structures, those {@code username} is a member of only. */
    @Query("select d from StructureDocument d where d.structureId in :structureIds and d.structureId in "
            + "(select m.structureId from StructureMember m where m.username = :username)")
    List<StructureDocument> ofMemberStructures(Collection<Long> structureIds, String username);
}
