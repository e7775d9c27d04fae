package org.civicledger.query.transparency;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Signs a new checkpoint whenever the log has grown by {@code every} entries or {@code interval} has
 * passed with anything new. Before signing at all it checks that the tree it holds still has the root of
 * the newest checkpoint kept (across restarts too); if not, it signs nothing and says so loudly, since
 * a checkpoint inconsistent with an earlier one must never be signed.
 */
public class CheckpointSigning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigning.class);

    private final TransparencyLog transparencyLog;
    private final NoteSigner signer;
    private final Clock clock;
    private final long every;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private volatile boolean consistent;

    public CheckpointSigning(TransparencyLog transparencyLog, NoteSigner signer, Clock clock, long every, Duration interval) {
        this.transparencyLog = transparencyLog;
        this.signer = signer;
        this.clock = clock;
        this.every = every;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "transparency-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::signIfDue, 0, 500, TimeUnit.MILLISECONDS);
    }

    private boolean consistentWith(java.util.Optional<TransparencyLog.Signed> last) {
        if (consistent || last.isEmpty()) {
            return true;
        }
        TransparencyLog.Signed kept = last.get();
        if (transparencyLog.size() < kept.treeSize()) {
            log.error("The transparency log holds {} entries but a checkpoint of {} was signed: signing stops",
                    transparencyLog.size(), kept.treeSize());
            return false;
        }
        if (!Arrays.equals(transparencyLog.root(kept.treeSize()), kept.root())) {
            log.error("The transparency log's entries no longer hash to the checkpoint of size {}: signing stops",
                    kept.treeSize());
            return false;
        }
        consistent = true;
        return true;
    }

    private void signIfDue() {
        try {
            long size = transparencyLog.refresh();
            var last = transparencyLog.latestCheckpoint();
            long lastSize = last.map(TransparencyLog.Signed::treeSize).orElse(0L);
            boolean due = size > lastSize && (size - lastSize >= every || last.isEmpty()
                    || !clock.instant().isBefore(last.get().signedAt().plus(interval)));
            if (due && consistentWith(last)) {
                byte[] root = transparencyLog.root(size);
                transparencyLog.keep(new TransparencyLog.Signed(size, root,
                        signer.sign(NoteSigner.checkpoint(signer.name(), size, root)), clock.instant()));
            }
        } catch (RuntimeException e) {
            log.warn("Signing a transparency checkpoint failed; trying again: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
