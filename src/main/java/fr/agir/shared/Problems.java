package fr.agir.shared;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 7807 problems with a stable type URI per kind of failure and a French message. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        return of(status.value(), type, title, detail);
    }

    public static ProblemDetail of(int status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setType(URI.create("urn:agir:probleme:" + type));
        problem.setTitle(title);
        return problem;
    }
}
