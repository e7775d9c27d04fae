package org.civicledger.bench.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import tools.jackson.databind.json.JsonMapper;

/** Signs bench messages as contract section 4 says: JWS compact, {@code {"alg":"EdDSA","kid":"<benchId>"}}, Ed25519. */
public final class BenchSigner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String benchId;
    private final KeyPair key;

    public BenchSigner(String benchId, KeyPair key) {
        this.benchId = benchId;
        this.key = key;
    }

    public static BenchSigner withNewKey(String benchId) {
        return new BenchSigner(benchId, newKey());
    }

    /** A fresh Ed25519 key pair, as a bench makes one. */
    public static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK from 15 on", e);
        }
    }

    public String benchId() {
        return benchId;
    }

    /** The raw 32-byte public key, base64, as {@code POST /api/v1/benches} takes it. */
    public String publicKey() {
        byte[] spki = key.getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    /** A signed message with the common fields ({@code messageId, benchId, sentAt}) and {@code fields}. */
    public String sign(String messageId, Map<String, Object> fields) {
        return signAs(key, messageId, fields);
    }

    /** The same, signed with another key (to try what a forger would send). */
    public String signAs(KeyPair signer, String messageId, Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("messageId", messageId);
        payload.put("benchId", benchId);
        payload.put("sentAt", Instant.now().toString());
        payload.putAll(fields);
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "EdDSA", "kid", benchId))) + "."
                + url.encodeToString(JSON.writeValueAsBytes(payload));
        byte[] message = input.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(rawPrivate(signer), 0, message, 0, message.length, signature, 0);
        return input + "." + url.encodeToString(signature);
    }

    /** The 32-byte seed at the end of the key's PKCS #8 encoding (RFC 8410); signed with Bouncy Castle, the faster. */
    private static byte[] rawPrivate(KeyPair key) {
        byte[] pkcs8 = key.getPrivate().getEncoded();
        return Arrays.copyOfRange(pkcs8, pkcs8.length - Ed25519.SECRET_KEY_SIZE, pkcs8.length);
    }
}
