package org.civicledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.civicledger.app.Api.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens an attacker might present, each refused with 401 and a problem document — beside a control: the
 * same forging code with nothing wrong gets in, so every refusal below is for the one thing changed.
 */
class TokenAttackEndToEndTest extends SharedSystemTest {

    private static RSAPrivateKey devKey;
    private static RSAPublicKey devPublicKey;

    @BeforeAll
    static void theDevIssuersKeys() throws Exception {
        Object keys = system.bean(Class.forName("org.civicledger.command.security.DevTokenKeys"));
        var privateKey = keys.getClass().getDeclaredMethod("privateKey");
        var publicKey = keys.getClass().getDeclaredMethod("publicKey");
        privateKey.setAccessible(true);
        publicKey.setAccessible(true);
        devKey = (RSAPrivateKey) privateKey.invoke(keys);
        devPublicKey = (RSAPublicKey) publicKey.invoke(keys);
    }

    @Test
    void theControlATokenForgedWithTheIssuersKeyAndNothingWrongGetsIn() throws Exception {
        assertThat(submitWith(signed(claims(c -> c), devKey)).status()).isEqualTo(201);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        refused(signed(claims(c -> c.issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(30))))), devKey));
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        refused(signed(claims(c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))), devKey));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() throws Exception {
        refused(signed(claims(c -> c.issuer("https://attacker.example")), devKey));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        refused(signed(claims(c -> c.audience("another-service")), devKey));
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = claims(c -> c);
        String unsigned = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + claims.toPayload().toBase64URL() + ".";
        refused(unsigned);
    }

    @Test
    void aTokenSignedWithThePublicKeyAsAnHmacSecretIsRefused() throws Exception {
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID("dev").build(), claims(c -> c));
        confused.sign(new MACSigner(devPublicKey.getEncoded()));
        refused(confused.serialize());
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheIssuersKeyIdIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        refused(signed(claims(c -> c), (RSAPrivateKey) generator.generateKeyPair().getPrivate()));
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() throws Exception {
        String[] parts = signed(claims(c -> c), devKey).split("\\.");
        String moreRoles = claims(c -> c.claim("roles", List.of("CITIZEN", "ADMIN"))).toPayload().toBase64URL().toString();
        refused(parts[0] + "." + moreRoles + "." + parts[2]);
    }

    @Test
    void somethingThatIsNotATokenIsRefused() throws Exception {
        refused("not-a-token");
        refused("");
    }

    @Test
    void aValidTokenWithoutTheRoleIsForbidden() throws Exception {
        String citizen = signed(claims(c -> c), devKey);

        Reply reply = api.post("/api/v1/admin/projections/all/rebuild", citizen, java.util.Map.of());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static void refused(String token) {
        Reply reply = submitWith(token);
        assertThat(reply.status()).as("status for %s", token).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static Reply submitWith(String token) {
        return api.post("/api/v1/ideas", token, IdeaLoopEndToEndTest.idea("mostar"));
    }

    /** A citizen's claims as the dev issuer makes them, changed by {@code change}. */
    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                .issuer("civic-ledger-dev")
                .audience("civic-ledger")
                .subject("mallory")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .claim("roles", List.of("CITIZEN"))).build();
    }

    private static String signed(JWTClaimsSet claims, RSAPrivateKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("dev").build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
