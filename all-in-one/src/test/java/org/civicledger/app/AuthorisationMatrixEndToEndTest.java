package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.civicledger.app.Api.Reply;
import org.civicledger.command.security.Role;
import org.junit.jupiter.api.Test;

/**
 * Every write endpoint and every restricted read against every role, and against no token at all. A role that may call an
 * endpoint gets past authorisation (whatever the call then answers: 400, 404, 409 ...); a role
 * that may not gets {@code 403}; no token gets {@code 401}. Public reads need no token.
 */
class AuthorisationMatrixEndToEndTest extends SharedSystemTest {

    private static final String IDEA = UUID.randomUUID().toString();
    private static final String CSO = UUID.randomUUID().toString();
    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    record Call(String method, String path, Set<Role> allowed) {
    }

    private static final List<Call> WRITES = List.of(
            new Call("POST", "/api/v1/ideas", EnumSet.of(Role.CITIZEN)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/votes", EnumSet.of(Role.CITIZEN)),
            new Call("DELETE", "/api/v1/ideas/" + IDEA + "/votes", EnumSet.of(Role.CITIZEN)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/amendments", EnumSet.of(Role.CITIZEN)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/validations", EnumSet.of(Role.CSO_MEMBER)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/actions", EnumSet.of(Role.CSO_MEMBER)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/responses", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/progress", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/ideas/" + IDEA + "/moderation", EnumSet.of(Role.NETWORK_COORDINATOR, Role.ADMIN)),
            new Call("POST", "/api/v1/csos", EVERYONE),
            new Call("POST", "/api/v1/consultations", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/consultations/" + IDEA + "/closure", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/consultations/" + IDEA + "/conclusion", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/consultations/" + IDEA + "/answers", EnumSet.of(Role.CITIZEN)),
            new Call("POST", "/api/v1/eloge/mostar/self-assessments", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("POST", "/api/v1/eloge/mostar/surveys", EnumSet.of(Role.MUNICIPAL_OFFICER)),
            new Call("GET", "/api/v1/audit/ideas/" + IDEA, EnumSet.of(Role.AUDITOR)),
            new Call("POST", "/api/v1/benches", EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/v1/benches/bench-x/key-rotation", EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/v1/benches/bench-x/commissioning", EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/v1/benches/bench-x/decommissioning", EnumSet.of(Role.ADMIN)),
            new Call("GET", "/api/v1/admin/projections", EnumSet.of(Role.ADMIN)),
            new Call("GET", "/api/v1/admin/dead-letters", EnumSet.of(Role.ADMIN)),
            new Call("GET", "/actuator/metrics", EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/v1/admin/projections/nonsense/rebuild", EnumSet.of(Role.ADMIN)),
            new Call("GET", "/api/v1/audit/csos/" + CSO, EnumSet.of(Role.AUDITOR)),
            new Call("PUT", "/api/v1/people/me/personal-data", EVERYONE),
            new Call("DELETE", "/api/v1/people/me/personal-data", EVERYONE),
            new Call("DELETE", "/api/v1/people/someone-else/personal-data", EnumSet.of(Role.ADMIN)),
            new Call("POST", "/api/v1/csos/" + CSO + "/approval", EnumSet.of(Role.NETWORK_COORDINATOR)),
            new Call("POST", "/api/v1/csos/" + CSO + "/rejection", EnumSet.of(Role.NETWORK_COORDINATOR)),
            new Call("POST", "/api/v1/csos/" + CSO + "/suspension", EnumSet.of(Role.NETWORK_COORDINATOR)),
            new Call("POST", "/api/v1/csos/" + CSO + "/reinstatement", EnumSet.of(Role.NETWORK_COORDINATOR)));

    private static final List<String> PUBLIC_READS = List.of("/api/v1/municipalities", "/api/v1/municipalities/mostar",
            "/api/v1/municipalities/mostar/dashboard", "/api/v1/csos", "/api/v1/consultations", "/api/v1/dashboard", "/api/v1/eloge/mostar", "/api/v1/benches", "/actuator/health", "/api/v1/ideas/" + IDEA, "/v3/api-docs");

    private static String tokenFor(Role role) {
        return api.token("matrix-" + role, List.of(role.name()), Map.of("csoId", CSO, "municipalityId", "mostar"));
    }

    private static Reply call(Call call, String token) {
        return switch (call.method()) {
            case "DELETE" -> api.delete(call.path(), token);
            case "PUT" -> api.put(call.path(), token, Map.of());
            case "GET" -> token == null ? api.get(call.path()) : api.get(call.path(), token);
            default -> api.post(call.path(), token, Map.of());
        };
    }

    @Test
    void everyWriteAdmitsExactlyTheRolesThatMayMakeIt() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            String token = tokenFor(role);
            for (Call call : WRITES) {
                int status = call(call, token).status();
                boolean admitted = status != 401 && status != 403;
                if (admitted != call.allowed().contains(role) || status == 500) {
                    wrong.add(role + " " + call.method() + " " + call.path() + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyWriteWithoutATokenIsUnauthorised() {
        for (Call call : WRITES) {
            Reply reply = call(call, null);
            assertThat(reply.status()).as(call.method() + " " + call.path()).isEqualTo(401);
        }
    }

    @Test
    void publicReadsNeedNoToken() {
        for (String path : PUBLIC_READS) {
            assertThat(api.get(path).status()).as(path).isIn(200, 404);
        }
    }
}
