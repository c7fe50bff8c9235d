package fr.agir.letter;

import fr.agir.application.Application;
import fr.agir.application.ApplicationLetters;
import fr.agir.application.ApplicationService;
import fr.agir.security.CurrentUser;
import fr.agir.security.Role;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the decision letters: the structure's members and DIEESS staff only. A reviewer of a consulted
 * directorate sees the case, not the letters; anyone else is told "not found", whether it exists or not.
 */
@Service
public class DecisionLetters implements ApplicationLetters {
    private final DecisionLetterRepository letters;
    private final ApplicationService applications;
    private final StructureService structures;
    private final CurrentUser currentUser;

    public DecisionLetters(DecisionLetterRepository letters, ApplicationService applications,
                           StructureService structures, CurrentUser currentUser) {
        this.letters = letters;
        this.applications = applications;
        this.structures = structures;
        this.currentUser = currentUser;
    }

    /** The letters of an application the caller may read them of, oldest first. */
    @Transactional(readOnly = true)
    public List<DecisionLetterRepository.Line> list(Long applicationId) {
        readable(applicationId);
        return letters.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** One letter with its PDF; 404 if it is not this application's or not the caller's to read. */
    @Transactional(readOnly = true)
    public DecisionLetter get(Long applicationId, Long letterId) {
        readable(applicationId);
        return letters.findByIdAndApplicationId(letterId, applicationId).orElseThrow(NotFoundException::notYours);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Letter> of(Long applicationId) {
        if (!mayRead(applications.visible(applicationId))) {
            return List.of();
        }
        String base = currentUser.isStaff() ? "/api/applications/" + applicationId + "/letters/"
                : "/portail/candidatures/" + applicationId + "/courriers/";
        return letters.findByApplicationIdOrderByIdAsc(applicationId).stream()
                .map(l -> new Letter(l.getId(), l.getKind().title(), l.getCreatedAt(),
                        base + l.getId() + (currentUser.isStaff() ? "/content" : "")))
                .toList();
    }

    private Application readable(Long applicationId) {
        Application application = applications.visible(applicationId);
        if (!mayRead(application)) {
            throw NotFoundException.notYours();
        }
        return application;
    }

    private boolean mayRead(Application application) {
        return currentUser.isStaff()
                || currentUser.hasRole(Role.APPLICANT) && structures.isMember(application.getStructureId());
    }
}
