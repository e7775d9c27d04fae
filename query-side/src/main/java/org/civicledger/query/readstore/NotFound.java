package org.civicledger.query.readstore;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A read of something the read store does not hold: {@code 404} as a problem detail. */
public final class NotFound {

    private NotFound() {
    }

    public static ErrorResponseException because(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
