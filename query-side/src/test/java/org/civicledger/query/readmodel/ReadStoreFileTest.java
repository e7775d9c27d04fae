package org.civicledger.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read store's file: a commit is a moment of the whole file, never half of a write. */
class ReadStoreFileTest {

    @TempDir
    Path directory;
    private ReadStoreFile file;

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void aCommitWaitsForTheWriteInProgressAndHoldsAllOfIt() throws Exception {
        file = ReadStoreFile.open(directory.resolve("read-models.mv"), 4, 4, false, 3_600_000);
        MVMap<String, String> ideas = file.write(() -> file.store().<String, String>openMap("ideas"));
        MVMap<String, String> ballots = file.write(() -> file.store().<String, String>openMap("ballots"));
        file.write(() -> ballots.put("i0:0", "voter-0")); // both maps have changes to commit
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> file.write(() -> {
            ideas.put("i1", "1 vote");
            inside.countDown();
            awaitQuietly(release);
            ballots.put("i1:0", "voter-1");
        }));
        writer.start();
        inside.await();
        long version = file.store().getCurrentVersion();

        Thread committer = new Thread(file::commit);
        committer.start();
        while (!file.commitWaits() && committer.isAlive()) {
            Thread.onSpinWait();
        }
        release.countDown();
        writer.join();
        committer.join();

        assertThat(ballots.openVersion(version).get("i1:0")).isEqualTo("voter-1");
        assertThat(ideas.openVersion(version).get("i1")).isEqualTo("1 vote");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
