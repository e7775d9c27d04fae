package org.civicledger.query.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.readstore.NotFound;
import org.civicledger.query.readstore.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public transparency log (contract section 5): key, checkpoints, entries and proofs. */
@RestController
@RequestMapping("/api/v1/transparency")
class TransparencyApi {

    static final int MOST_ENTRIES = 10_000;
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final TransparencyLog log;
    private final NoteSigner signer;

    TransparencyApi(TransparencyLog log, NoteSigner signer) {
        this.log = log;
        this.signer = signer;
    }

    @GetMapping("/verifier-key")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(signer.verifierKey() + "\n");
    }

    @GetMapping("/checkpoint")
    ResponseEntity<String> checkpoint() {
        return ResponseEntity.ok().contentType(TEXT).body(log.latestCheckpoint()
                .orElseThrow(() -> NotFound.because("No checkpoint has been signed yet")).note());
    }

    /** Every checkpoint signed, oldest first, a page at a time: any two can be checked for consistency. */
    @GetMapping("/checkpoints")
    ResponseEntity<List<Map<String, Object>>> checkpoints(@RequestParam(required = false) String offset,
                                                          @RequestParam(required = false) String limit) {
        Page page = Page.requested(offset, limit);
        return page.answer(log.checkpoints(page).stream().map(c -> Map.<String, Object>of("treeSize", c.treeSize(),
                "rootHash", Base64.getEncoder().encodeToString(c.root()), "signedAt", c.signedAt().toString(),
                "checkpoint", "/api/v1/transparency/checkpoints/" + c.treeSize())).toList());
    }

    @GetMapping("/checkpoints/{treeSize}")
    ResponseEntity<String> checkpoint(@PathVariable long treeSize) {
        return ResponseEntity.ok().contentType(TEXT).body(log.checkpoint(treeSize)
                .orElseThrow(() -> NotFound.because("No checkpoint was signed at size " + treeSize)).note());
    }

    /** The exact bytes that were hashed into leaf {@code index}. */
    @GetMapping(value = "/entries/{index}")
    ResponseEntity<byte[]> entry(@PathVariable long index) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(log.entry(index).orElseThrow(() -> NotFound.because("No entry " + index + " in the log")));
    }

    /** Entries {@code [start, end)} as newline-delimited JSON (at most 10,000 a call), for a full check. */
    @GetMapping("/entries")
    ResponseEntity<byte[]> entries(@RequestParam long start, @RequestParam long end) {
        if (start < 0 || end < start || end - start > MOST_ENTRIES) {
            throw new InvalidField("end", "must be from start to start + " + MOST_ENTRIES);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] entry : log.entries(start, end)) {
            body.writeBytes(entry);
            body.write('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body.toByteArray());
    }

    @GetMapping("/proofs/inclusion")
    Map<String, List<String>> inclusion(@RequestParam long index, @RequestParam long treeSize) {
        return proof("treeSize", () -> log.inclusionProof(index, treeSize));
    }

    @GetMapping("/proofs/consistency")
    Map<String, List<String>> consistency(@RequestParam long from, @RequestParam long to) {
        return proof("to", () -> log.consistencyProof(from, to));
    }

    private static Map<String, List<String>> proof(String field, java.util.function.Supplier<List<byte[]>> proof) {
        try {
            return Map.of("hashes", proof.get().stream().map(Base64.getEncoder()::encodeToString).toList());
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidField(field, outOfRange.getMessage());
        }
    }
}
