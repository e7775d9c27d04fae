package org.civicledger.command.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.civicledger.command.DataDirectory;

/**
 * The RSA key the default run signs its own tokens with. Generated on first start and kept in
 * {@code keys/dev-token-rsa.p8} under the data directory, so tokens stay valid across restarts.
 */
record DevTokenKeys(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    static DevTokenKeys load(DataDirectory data) {
        byte[] pkcs8 = data.secret("dev-token-rsa.p8", () -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair().getPrivate().getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is part of every JDK", e);
            }
        });
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new DevTokenKeys(privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The dev token key in the data directory is damaged; delete it to make a new one", e);
        }
    }
}
