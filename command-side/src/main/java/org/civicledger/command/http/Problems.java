package org.civicledger.command.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stable {@code type} of every kind of error (RFC 9457). Clients may switch on these URIs;
 * they never change meaning. See docs/api.md for the list.
 */
public final class Problems {

    public static final String PREFIX = "urn:civic-ledger:problem:";
    public static final URI VALIDATION_FAILED = type("validation-failed");
    public static final URI MALFORMED_REQUEST = type("malformed-request");
    public static final URI UNAUTHENTICATED = type("unauthenticated");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI CONFLICT = type("conflict");
    public static final URI GONE = type("gone");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI RATE_LIMITED = type("rate-limited");
    public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");
    public static final URI INTERNAL_ERROR = type("internal-error");

    private static final Map<Integer, URI> BY_STATUS = Map.ofEntries(
            Map.entry(400, MALFORMED_REQUEST),
            Map.entry(401, UNAUTHENTICATED),
            Map.entry(403, FORBIDDEN),
            Map.entry(404, NOT_FOUND),
            Map.entry(405, METHOD_NOT_ALLOWED),
            Map.entry(406, NOT_ACCEPTABLE),
            Map.entry(409, CONFLICT),
            Map.entry(410, GONE),
            Map.entry(413, PAYLOAD_TOO_LARGE),
            Map.entry(415, UNSUPPORTED_MEDIA_TYPE),
            Map.entry(429, RATE_LIMITED),
            Map.entry(503, SERVICE_UNAVAILABLE));

    private Problems() {
    }

    private static URI type(String name) {
        return URI.create(PREFIX + name);
    }

    /** The type for a status when nothing more specific is known. */
    public static URI forStatus(HttpStatusCode status) {
        return BY_STATUS.getOrDefault(status.value(), status.is5xxServerError() ? INTERNAL_ERROR : MALFORMED_REQUEST);
    }

    /**
     * Writes a problem straight to a servlet response, for answers given before Spring MVC runs (the
     * security filters, the body limit).
     */
    public static void write(HttpServletResponse response, JsonMapper json, HttpStatus status, URI type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(status, type, detail));
    }

    public static ProblemDetail of(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }
}
