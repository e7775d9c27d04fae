package org.civicledger.command.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.sql.SQLException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.civicledger.domain.shared.NotPermitted;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.shared.InvalidField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error leaves as {@code application/problem+json} (RFC 9457) with a stable {@code type}.
 * Field errors list each field as {@code errors: [{field, message}]}. Nothing a client sends ends
 * as a 500; an unexpected failure is logged with an id that the answer repeats, and no internals leak.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(FieldChecks.InvalidRequest.class)
    ResponseEntity<Object> invalidRequest(FieldChecks.InvalidRequest e) {
        return validationFailed(e.fields());
    }

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<Object> invalidField(InvalidField e) {
        return validationFailed(List.of(e));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InvalidField field) {
            return invalidField(field);
        }
        if (cause instanceof StateConflict conflict) {
            return stateConflict(conflict);
        }
        if (cause instanceof NotPermitted notPermitted) {
            return notPermitted(notPermitted);
        }
        return unexpected(e);
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> stateConflict(StateConflict e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in the current state");
        problem.setProperty("currentState", e.currentState());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<Object> notPermitted(NotPermitted e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, e.getMessage()));
    }

    /** Two writers raced for the same stream (a second vote, the same registration number): one lost. */
    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<Object> concurrentWrite(RuntimeException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
                "Another request changed or created this at the same moment; it was not applied twice");
        problem.setTitle("Concurrent change");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No such resource"));
    }

    /**
     * The event store failed a write: unavailable, retry later. (A lost race is not this: every engine
     * reports it as {@link ConcurrencyException} or {@link AggregateStreamCreationException}, above.)
     */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> eventStoreFailed(EventStoreException e) {
        return eventStoreUnavailable(e);
    }

    private static ResponseEntity<Object> eventStoreUnavailable(Exception e) {
        log.warn("The event store failed a request: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                "The event store is not available; nothing was stored. Retry shortly.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /**
     * The database out of reach — no connection to be had (the pool waits a bounded 5 s), one lost
     * mid-request, or a transaction that could not be committed or rolled back on it: 503, as for any other
     * event-store failure, never 500.
     */
    @ExceptionHandler({org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.transaction.TransactionSystemException.class,
            org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class})
    ResponseEntity<Object> databaseOutOfReach(Exception e) {
        return eventStoreUnavailable(e);
    }

    @ExceptionHandler(org.civicledger.command.security.WritesPerPerson.TooManyWrites.class)
    ResponseEntity<Object> tooManyWrites(org.civicledger.command.security.WritesPerPerson.TooManyWrites e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.net.ConnectException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return eventStoreUnavailable(e); // SQL state class 08: connection exception
            }
        }
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "The server failed to answer; quote incident " + incident + " when reporting it");
        problem.setProperty("incident", incident);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge tooLarge) {
                return handleExceptionInternal(ex, Problems.of(HttpStatus.CONTENT_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                        tooLarge.getMessage()), headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                "The request body is missing or is not the JSON object this call takes");
        if (ex.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem.setDetail("The field '" + field + "' does not have the type this call takes");
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type")));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.forStatus(statusCode));
        }
        return response;
    }

    private static ResponseEntity<Object> validationFailed(List<InvalidField> fields) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION_FAILED,
                fields.stream().map(f -> f.field() + " " + f.getMessage()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", fields.stream()
                .map(f -> Map.of("field", f.field(), "message", f.getMessage())).toList());
        return ResponseEntity.badRequest().body(problem);
    }
}
