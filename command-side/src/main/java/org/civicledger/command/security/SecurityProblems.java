package org.civicledger.command.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.civicledger.command.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code 401} and {@code 403} as problem details, keeping the {@code WWW-Authenticate}
 * header of RFC 6750 that bearer-token clients expect.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean tokenPresent = request.getHeader("Authorization") != null;
        write(response, HttpStatus.UNAUTHORIZED, Problems.UNAUTHENTICATED, tokenPresent
                ? "The bearer token was refused: it is malformed, expired, not yet valid or not signed by a trusted issuer"
                : "This call needs a bearer token");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerAccessDenied.handle(request, response, e);
        // not the path: it may name a person (/api/v1/people/{subject}/...), and answers repeat no personal data
        write(response, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                "The token's roles do not allow " + request.getMethod() + " on this resource");
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String detail) throws IOException {
        Problems.write(response, json, status, type, detail);
    }
}
