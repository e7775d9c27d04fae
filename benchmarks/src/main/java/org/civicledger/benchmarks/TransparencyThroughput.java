package org.civicledger.benchmarks;

import org.civicledger.app.RunningSystem;
import org.civicledger.app.TestStores;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.Proofs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transparency log's speed. (1) Entries appended per second while events flow: the whole system
 * runs on the embedded default, events are written into the event store as fast as batched inserts go
 * (copies of a real {@code IdeaSubmitted}, each its own idea), and the log's growth is timed while its
 * writer catches up — with the read models taking in the same events on the same two cores. Raw
 * PostgreSQL insert rate of the same rows is the baseline. (2) Time to produce an inclusion and a
 * consistency proof at 1,000,000 entries. (3) Time to verify a log of 1,000,000 entries from its entries
 * (hash each, build the tree, compare the root).
 *
 * <p>{@code ./mvnw -q -pl benchmarks -am install -DskipTests && ./mvnw -q -pl benchmarks exec:java
 * -Dbenchmark=org.civicledger.benchmarks.TransparencyThroughput -Dexec.args="--events 100000"}
 */
public final class TransparencyThroughput {

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(Options.of(args, "--events", "100000"));
        int million = Integer.parseInt(Options.of(args, "--entries", "1000000"));
        List<String> report = new ArrayList<>();
        TestStores stores = TestStores.fresh();
        try (RunningSystem system = RunningSystem.start(stores, "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = new JdbcTemplate(system.bean(DataSource.class));
            String idea = system.api.post("/api/v1/ideas", system.api.token("citizen-bench", "CITIZEN"),
                    Map.of("municipalityId", "mostar", "topic", "parks", "title", "Klupe i hlad u parku",
                            "description", "Više klupa i nekoliko stabala za hlad kod dječijeg igrališta.",
                            "language", "bs")).json("ideaId").asString();
            Map<String, Object> template = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ?",
                    "idea-" + idea);
            long before = logSize(jdbc);
            waitFor(jdbc, before, jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
            before = logSize(jdbc);

            long start = System.nanoTime();
            insert(jdbc, template, events);
            double insertSeconds = (System.nanoTime() - start) / 1e9;
            long target = before + events;
            double logSeconds = waitFor(jdbc, target, target) - start / 1e9;
            report.add(String.format(Locale.ROOT, "| events inserted into the event store (raw PostgreSQL batches) | %,d | %.1f s | %,.0f /s |",
                    events, insertSeconds, events / insertSeconds));
            report.add(String.format(Locale.ROOT, "| entries appended to the log while they flowed (from the first insert to the last entry) | %,d | %.1f s | %,.0f /s |",
                    events, logSeconds, events / logSeconds));
            report.add(writerAlone(jdbc, events));
        }

        MerkleTree tree = new MerkleTree();
        List<byte[]> entries = new ArrayList<>(million);
        Random random = new Random(42);
        for (int i = 0; i < million; i++) {
            entries.add(("{\"aggregateId\":\"idea-" + new UUID(random.nextLong(), random.nextLong())
                    + "\",\"aggregateSequence\":0,\"aggregateType\":\"Idea\",\"data\":{\"authorPseudonym\":\"p-"
                    + Long.toHexString(random.nextLong()) + "\",\"benchId\":null,\"channel\":\"WEB\",\"description\":"
                    + "\"Više klupa i nekoliko stabala za hlad kod dječijeg igrališta.\",\"ideaId\":\"" + i
                    + "\",\"language\":\"bs\",\"localCommunity\":\"Centar\",\"municipalityId\":\"mostar\",\"title\":"
                    + "\"Klupe i hlad u parku\",\"topic\":\"parks\"},\"eventId\":\"" + UUID.randomUUID()
                    + "\",\"eventType\":\"idea.IdeaSubmitted\",\"logIndex\":" + i + ",\"timestamp\":\""
                    + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        long verifyStart = System.nanoTime();
        for (byte[] entry : entries) {
            tree.append(MerkleTree.leafHash(entry));
        }
        byte[] root = tree.root(million);
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        report.add(String.format(Locale.ROOT, "| whole log verified from its entries (hash each, build the tree, root) | %,d | %.2f s | %,.0f /s |",
                million, verifySeconds, million / verifySeconds));

        int proofs = 20_000;
        long inclusionNanos = 0;
        long consistencyNanos = 0;
        for (int i = 0; i < proofs; i++) {
            long index = random.nextInt(million);
            long t0 = System.nanoTime();
            List<byte[]> inclusion = tree.inclusionProof(index, million);
            long t1 = System.nanoTime();
            long from = 1 + random.nextInt(million - 1);
            List<byte[]> consistency = tree.consistencyProof(from, million);
            long t2 = System.nanoTime();
            inclusionNanos += t1 - t0;
            consistencyNanos += t2 - t1;
            if (i % 1000 == 0 && (!Proofs.verifyInclusion(index, million, tree.leaf(index), inclusion, root)
                    || !Proofs.verifyConsistency(from, million, tree.root(from), root, consistency))) {
                throw new IllegalStateException("a proof did not verify");
            }
        }
        report.add(String.format(Locale.ROOT, "| inclusion proof at %,d entries (mean of %,d) | 1 | %.1f µs | |", million, proofs,
                inclusionNanos / 1e3 / proofs));
        report.add(String.format(Locale.ROOT, "| consistency proof to %,d entries (mean of %,d) | 1 | %.1f µs | |", million, proofs,
                consistencyNanos / 1e3 / proofs));

        System.out.println();
        System.out.println("| measured | entries | time | rate |");
        System.out.println("|---|---:|---:|---:|");
        report.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * The writer's own work, without the rest of the system: the public record and leaf hash of each
     * event (a real {@code IdeaSubmitted} message), stored in batches of 500 rows a transaction, as the
     * writer does, into a scratch copy of the log's table.
     */
    private static String writerAlone(JdbcTemplate jdbc, int events) {
        jdbc.execute("create temporary table transparency_scratch (like transparency_entry including all)");
        org.civicledger.domain.idea.IdeaSubmitted idea = new org.civicledger.domain.idea.IdeaSubmitted("x", "mostar",
                "Centar", "parks",
                org.civicledger.domain.shared.SealedText.sealed("key-of-the-title-0001", "c2VhbGVk", "ZGlnZXN0IG9mIHRoZSB0aXRsZQ=="),
                org.civicledger.domain.shared.SealedText.sealed("key-of-the-descriptio", "c2VhbGVk", "ZGlnZXN0IG9mIGRlc2M="),
                "bs", org.civicledger.domain.idea.Channel.WEB, "author-pseudonym-0001", null, null);
        org.springframework.transaction.support.TransactionTemplate transactions =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));
        long start = System.nanoTime();
        for (int done = 0; done < events; done += 500) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = done; i < Math.min(events, done + 500); i++) {
                byte[] entry = org.civicledger.query.transparency.PublicRecord.entry(i,
                        new org.axonframework.eventhandling.GenericDomainEventMessage<>("Idea", "idea-" + i, 0, idea));
                rows.add(new Object[] {(long) i, UUID.randomUUID().toString(), entry, MerkleTree.leafHash(entry)});
            }
            transactions.executeWithoutResult(status -> jdbc.batchUpdate("insert into transparency_scratch "
                    + "(log_index, event_id, entry, leaf_hash) values (?, ?, ?, ?)", rows));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "| the writer's own work alone: public record, leaf hash, batched insert and commit | %,d | %.1f s | %,.0f /s |",
                events, seconds, events / seconds);
    }

    private static long logSize(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from transparency_entry", Long.class);
    }

    /** Waits until the log holds {@code target} entries; answers the time (seconds, nanoTime base) it did. */
    private static double waitFor(JdbcTemplate jdbc, long target, long total) throws InterruptedException {
        long last = -1;
        long stalledSince = System.nanoTime();
        while (true) {
            long size = logSize(jdbc);
            if (size >= target) {
                return System.nanoTime() / 1e9;
            }
            if (size != last) {
                System.out.printf("log %,d of %,d%n", size, total);
                last = size;
                stalledSince = System.nanoTime();
            } else if (System.nanoTime() - stalledSince > 120e9) {
                throw new IllegalStateException("the log stopped growing at " + size);
            }
            Thread.sleep(200);
        }
    }

    private static void insert(JdbcTemplate jdbc, Map<String, Object> template, int events) {
        int batch = 5_000;
        for (int done = 0; done < events; done += batch) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < Math.min(batch, events - done); i++) {
                rows.add(new Object[] {UUID.randomUUID().toString(), template.get("meta_data"), template.get("payload"),
                    template.get("payload_revision"), template.get("payload_type"), Instant.now().toString(),
                    "idea-" + UUID.randomUUID(), 0L, template.get("type")});
            }
            jdbc.batchUpdate("insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                    + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }


    private TransparencyThroughput() {
    }
}
