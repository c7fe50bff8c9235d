package fr.agir.audit;

import fr.agir.security.Role;
import java.util.Set;

/**
 * Who reads an audit event: the structure's members (APPLICANT), a consulted directorate
 * (REVIEWER), a jury member (JURY), the finance service (FINANCE), the DIEESS's instructors and
 * administrators (STAFF). {@link AuditAction} declares, for every kind of event, which of them may.
 */
public enum AuditReader {
    APPLICANT, REVIEWER, JURY, FINANCE, STAFF;

    /**
     * The reader a user with these roles is, the widest role first (as the application lists pick
     * them): staff, then reviewer, applicant, finance, jury; null for none.
     */
    public static AuditReader of(Set<Role> roles) {
        if (roles.contains(Role.INSTRUCTOR) || roles.contains(Role.ADMIN)) {
            return STAFF;
        }
        if (roles.contains(Role.REVIEWER)) {
            return REVIEWER;
        }
        if (roles.contains(Role.APPLICANT)) {
            return APPLICANT;
        }
        if (roles.contains(Role.FINANCE)) {
            return FINANCE;
        }
        return roles.contains(Role.JURY) ? JURY : null;
    }
}
