package org.civicledger.command.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicledger.command.http.FieldChecks;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues tokens for the default run ({@code civic.security.dev-tokens=true}), so the system can be
 * tried without an identity provider. Absent otherwise; a production profile refuses to start with it.
 */
@RestController
@RequestMapping("/api/v1/dev/tokens")
@ConditionalOnProperty(name = "civic.security.dev-tokens", havingValue = "true")
class DevTokenController {

    static final Duration LIFETIME = Duration.ofHours(8);

    private final DevTokenKeys keys;
    private final SecuritySettings settings;

    DevTokenController(DevTokenKeys keys, SecuritySettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    record DevTokenRequest(String subject, List<String> roles, String csoId, String municipalityId) {
    }

    @PostMapping
    Map<String, Object> issue(@RequestBody DevTokenRequest request) throws JOSEException {
        FieldChecks checks = new FieldChecks();
        String subject = checks.check(() -> Text.require("subject", request.subject(), 1, 200, false));
        List<Role> roles = checks.check(() -> roles(request.roles()));
        String csoId = checks.check(() -> optionalClaim("csoId", request.csoId(), roles, Role.CSO_MEMBER));
        String municipalityId = checks.check(() -> optionalClaim("municipalityId", request.municipalityId(),
                roles, Role.MUNICIPAL_OFFICER));
        checks.throwIfAny();

        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("roles", roles.stream().map(Role::name).toList());
        if (csoId != null) {
            claims.claim("csoId", csoId);
        }
        if (municipalityId != null) {
            claims.claim("municipalityId", municipalityId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID("dev").build(), claims.build());
        jwt.sign(new RSASSASigner(keys.privateKey()));
        return Map.of("token", jwt.serialize(), "expiresAt", now.plus(LIFETIME).toString());
    }

    private static List<Role> roles(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidField("roles", "must name at least one of " + List.of(Role.values()));
        }
        List<Role> roles = new ArrayList<>();
        for (String name : names) {
            try {
                roles.add(Role.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("roles", "'" + name + "' is not one of " + List.of(Role.values()));
            }
        }
        return List.copyOf(roles);
    }

    private static String optionalClaim(String field, String value, List<Role> roles, Role needing) {
        if (value == null || value.isBlank()) {
            if (roles != null && roles.contains(needing)) {
                throw new InvalidField(field, "is required for role " + needing);
            }
            return null;
        }
        return Text.require(field, value, 1, 100, false);
    }
}
