package org.civicledger.command.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.civicledger.domain.person.PersonalData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens personal data recorded before it was sealed like every text: {@code pd1.<key version>.
 * <base64url(nonce ‖ ciphertext ‖ tag)>}, AES-256-GCM under the person's key of that version, the
 * person-wide pseudonym and version authenticated as associated data.
 */
@Component
public class EarlierPersonalData {

    private static final String FORMAT = "pd1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();

    public EarlierPersonalData(PersonKeys keys) {
        this.keys = keys;
    }

    /** The data, or empty when the person's key was erased (or the ciphertext is not theirs). */
    public Optional<PersonalData> open(String pseudonym, String ciphertext) {
        String[] parts = ciphertext == null ? new String[0] : ciphertext.split("\\.");
        if (parts.length != 3 || !FORMAT.equals(parts[0]) || !parts[1].matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int version = Integer.parseInt(parts[1]);
        Optional<SecretKey> key = keys.find(pseudonym, version);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(("person-" + pseudonym + "|" + version).getBytes(StandardCharsets.US_ASCII));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(json.readValue(plain, PersonalData.class));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
