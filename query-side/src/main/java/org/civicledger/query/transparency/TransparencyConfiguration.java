package org.civicledger.query.transparency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The transparency log's parts: the log over the event store's database, its single writer (a tracking
 * processor whose position is kept in that database), the checkpoint signer and its Ed25519 key.
 */
@Configuration(proxyBeanMethods = false)
public class TransparencyConfiguration {

    @Bean
    TransparencyLog transparencyLog(DataSource dataSource) {
        return new TransparencyLog(dataSource);
    }

    @Bean
    TransparencyLogWriter transparencyLogWriter(TransparencyLog log) {
        return new TransparencyLogWriter(log);
    }

    @Bean
    ConfigurerModule transparencyLogProcessor(ConnectionProvider connections, Serializer serializer,
                                              TokenSchema tokenSchema) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .schema(tokenSchema)
                .build();
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(TransparencyLogWriter.PROCESSING_GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(500)
                                .andInitialTrackingToken(source -> source.createTailToken()))
                .registerTokenStore(TransparencyLogWriter.PROCESSING_GROUP, c -> tokens);
    }

    /**
     * The key checkpoints are signed with: {@code civic.transparency.signing-key} (a base64 32-byte Ed25519
     * seed; a production profile refuses to start without it), else {@code keys/transparency-log.key}
     * under the data directory, created on first start with file mode 0600.
     */
    @Bean
    NoteSigner noteSigner(@Value("${civic.transparency.origin:civic-ledger.local/transparency-log}") String origin,
                          @Value("${civic.transparency.signing-key:}") String configured,
                          @Value("${civic.data-dir:./data}") String dataDir) {
        byte[] seed = configured.isBlank()
                ? seedFile(Path.of(dataDir).toAbsolutePath().resolve("keys").resolve("transparency-log.key"))
                : Base64.getDecoder().decode(configured.trim());
        return new NoteSigner(origin, seed);
    }

    private static byte[] seedFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] seed = new byte[32];
                new SecureRandom().nextBytes(seed);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(seed), StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                    return seed;
                } catch (FileAlreadyExistsException raced) {
                    // another instance made it first: read theirs
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the transparency log's key " + file, e);
        }
    }

    @Bean
    CheckpointSigning checkpointSigning(TransparencyLog log, NoteSigner signer, Clock clock,
                                        @Value("${civic.transparency.checkpoint.every-entries:1000}") long every,
                                        @Value("${civic.transparency.checkpoint.interval:PT10S}") Duration interval) {
        return new CheckpointSigning(log, signer, clock, every, interval);
    }
}
