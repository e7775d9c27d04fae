package org.civicledger.command.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.civicledger.domain.person.EncryptedPersonalData;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.person.PersonalDataVault;
import org.civicledger.domain.person.Pseudonym;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals personal data with AES-256-GCM under the person's current key. The ciphertext reads
 * {@code pd1.<key version>.<base64url(nonce ‖ ciphertext ‖ tag)>}; the pseudonym and key version are
 * authenticated as associated data, so a ciphertext cannot be passed off as another person's.
 */
@Component
public class PersonalDataCipher implements PersonalDataVault {

    private static final String FORMAT = "pd1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonKeys keys;
    private final JsonMapper json = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonKeys keys) {
        this.keys = keys;
    }

    @Override
    public EncryptedPersonalData seal(Pseudonym person, PersonalData data) {
        PersonKeys.VersionedKey key = keys.current(person.value());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(person, key.version()));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(data));
            String ciphertext = FORMAT + "." + key.version() + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(
                            ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
            return new EncryptedPersonalData(ciphertext, digest(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public Optional<PersonalData> open(Pseudonym person, String ciphertext) {
        String[] parts = ciphertext == null ? new String[0] : ciphertext.split("\\.");
        if (parts.length != 3 || !FORMAT.equals(parts[0]) || !parts[1].matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int version = Integer.parseInt(parts[1]);
        Optional<SecretKey> key = keys.find(person.value(), version);
        if (key.isEmpty()) {
            return Optional.empty(); // erased
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(person, version));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(json.readValue(plain, PersonalData.class));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // not this person's, or damaged
        }
    }

    /** The SHA-256 of the ciphertext, base64url: what public records show instead of the data. */
    public static String digest(String ciphertext) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(ciphertext.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] associatedData(Pseudonym person, int version) {
        return ("person-" + person.value() + "|" + version).getBytes(StandardCharsets.US_ASCII);
    }
}
