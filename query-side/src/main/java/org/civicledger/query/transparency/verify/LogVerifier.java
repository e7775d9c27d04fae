package org.civicledger.query.transparency.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.civicledger.query.transparency.MerkleTree;
import org.civicledger.query.transparency.NoteVerifier;
import org.civicledger.query.transparency.Proofs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Civic Ledger transparency log from the outside, trusting nothing the server says that it
 * cannot prove: the checkpoint's signature (against a pinned verifier key), inclusion proofs of a sample
 * of entries (hashing the entry bytes itself), and the consistency of the checkpoint with the one it
 * saw last time (kept in a state file). With {@code --full} it downloads every entry and recomputes the
 * root. Exits 0 when all holds, 1 on any mismatch (saying which), 2 when it cannot run.
 *
 * <pre>
 * ./mvnw -q -pl query-side -am -Pverify-log compile exec:java -Dexec.args="http://localhost:8080"
 *   [--key &lt;verifier key&gt;] [--state &lt;file&gt;] [--sample N] [--full]
 * </pre>
 */
public final class LogVerifier {

    /** A check that did not hold: the log cannot be trusted. */
    public static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }

    private final String base;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public LogVerifier(String baseUrl, PrintStream out) {
        this.base = baseUrl.replaceAll("/+$", "") + "/api/v1/transparency";
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: verify <base URL> [--key <verifier key>] [--state <file>] [--sample N] [--full]");
            System.exit(2);
        }
        String key = option(args, "--key", null);
        Path state = Path.of(option(args, "--state", "transparency-verifier.properties"));
        int sample = Integer.parseInt(option(args, "--sample", "32"));
        boolean full = List.of(args).contains("--full");
        try {
            new LogVerifier(args[0], System.out).verify(key, state, sample, full);
            System.exit(0);
        } catch (Mismatch mismatch) {
            System.out.println("FAILED: " + mismatch.getMessage());
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.out.println("Could not verify: " + e.getMessage());
            System.exit(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(2);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** Runs every check; throws {@link Mismatch} on the first that fails. Answers the verified tree size. */
    public long verify(String pinnedKey, Path stateFile, int sample, boolean full)
            throws Mismatch, IOException, InterruptedException {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (var reader = Files.newBufferedReader(stateFile)) {
                state.load(reader);
            }
        }
        String served = text("/verifier-key").trim();
        String key = pinnedKey != null ? pinnedKey : state.getProperty("key");
        if (key == null) {
            out.println("No verifier key given: trusting the server's on first use and pinning it in " + stateFile
                    + ":\n  " + served);
            key = served;
        } else if (!key.equals(served)) {
            throw new Mismatch("the server's verifier key changed: pinned " + key + ", served " + served);
        }
        NoteVerifier.Checkpoint checkpoint;
        try {
            checkpoint = new NoteVerifier(key).checkpoint(text("/checkpoint"));
        } catch (IllegalArgumentException e) {
            throw new Mismatch("the checkpoint: " + e.getMessage());
        }
        long size = checkpoint.treeSize();
        out.printf("Checkpoint signed by %s: %d entries, root %s%n", key.split("\\+")[0], size,
                Base64.getEncoder().encodeToString(checkpoint.root()));

        if (state.getProperty("treeSize") != null) {
            long earlier = Long.parseLong(state.getProperty("treeSize"));
            byte[] earlierRoot = Base64.getDecoder().decode(state.getProperty("root"));
            if (earlier > size) {
                throw new Mismatch("the log shrank: " + earlier + " entries seen before, " + size + " now");
            }
            if (!Proofs.verifyConsistency(earlier, size, earlierRoot, checkpoint.root(),
                    hashes("/proofs/consistency?from=" + earlier + "&to=" + size))) {
                throw new Mismatch("the checkpoint of " + size + " is not consistent with the one of " + earlier
                        + " seen before: history was rewritten");
            }
            out.printf("Consistent with the checkpoint of %d seen before%n", earlier);
        }

        for (long index : sample(size, sample)) {
            byte[] entry = bytes("/entries/" + index);
            List<byte[]> proof = hashes("/proofs/inclusion?index=" + index + "&treeSize=" + size);
            if (!Proofs.verifyInclusion(index, size, MerkleTree.leafHash(entry), proof, checkpoint.root())) {
                throw new Mismatch("entry " + index + " is not in the signed tree as served");
            }
        }
        out.printf("%d sampled entries proven included%n", Math.min(sample, size));

        if (full) {
            MerkleTree tree = new MerkleTree();
            for (long start = 0; start < size; start += 10_000) {
                String page = new String(bytes("/entries?start=" + start + "&end=" + Math.min(size, start + 10_000)),
                        StandardCharsets.UTF_8);
                for (String line : page.split("\n")) {
                    if (!line.isEmpty()) {
                        tree.append(MerkleTree.leafHash(line.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            if (tree.size() != size || !java.util.Arrays.equals(tree.root(size), checkpoint.root())) {
                throw new Mismatch("the entries served do not hash to the signed root");
            }
            out.printf("All %d entries hash to the signed root%n", size);
        }

        state.setProperty("key", key);
        state.setProperty("treeSize", Long.toString(size));
        state.setProperty("root", Base64.getEncoder().encodeToString(checkpoint.root()));
        try (var writer = Files.newBufferedWriter(stateFile)) {
            state.store(writer, "the checkpoint this verifier saw last, and the key it trusts");
        }
        out.println("OK");
        return size;
    }

    private static Set<Long> sample(long size, int count) {
        Set<Long> indexes = new LinkedHashSet<>();
        if (size == 0) {
            return indexes;
        }
        indexes.add(0L);
        indexes.add(size - 1);
        Random random = new Random();
        while (indexes.size() < Math.min(count, size)) {
            indexes.add((long) random.nextInt((int) Math.min(Integer.MAX_VALUE, size)));
        }
        return indexes;
    }

    private List<byte[]> hashes(String path) throws IOException, InterruptedException {
        JsonNode body = json.readTree(bytes(path));
        List<byte[]> hashes = new ArrayList<>();
        body.get("hashes").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
        return hashes;
    }

    private String text(String path) throws IOException, InterruptedException {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + base + path + " answered " + response.statusCode());
        }
        return response.body();
    }
}
