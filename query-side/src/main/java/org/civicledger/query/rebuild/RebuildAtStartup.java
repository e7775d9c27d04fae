package org.civicledger.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The command-line switch {@code --civic.rebuild=<projection>[,...]|all}: builds a new generation of the read
 * models from the first event once the system is up (all projections are built together by one pass), logging
 * progress (events done, rate, time left) every few seconds until it has caught up and readers use it.
 */
@Component
class RebuildAtStartup implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RebuildAtStartup.class);

    private final ProjectionRebuilds rebuilds;
    private final String requested;
    private volatile Thread reporter;

    RebuildAtStartup(ProjectionRebuilds rebuilds, @Value("${civic.rebuild:}") String requested) {
        this.rebuilds = rebuilds;
        this.requested = requested;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfAsked() {
        if (requested.isBlank()) {
            return;
        }
        List<String> started = new ArrayList<>();
        for (String name : requested.split(",")) {
            started.clear();
            started.addAll(rebuilds.rebuild(name.strip()));
        }
        log.info("Rebuilding {} from the first event", started);
        reporter = new Thread(() -> report(started), "rebuild-progress");
        reporter.setDaemon(true);
        reporter.start();
    }

    /** The progress report ends with the application, whether or not the rebuild has finished. */
    @Override
    public void destroy() {
        Thread running = reporter;
        if (running != null) {
            running.interrupt();
        }
    }

    private void report(List<String> projections) {
        try {
            while (true) {
                Thread.sleep(3_000);
                ProjectionRebuilds.Progress p = rebuilds.progress(projections.get(0));
                boolean done = p.rebuilt();
                log.info("Rebuild of generation {}: position {} of {} ({}%), {} positions/s, about {} s left", p.generation(),
                        p.position(), p.head(), p.percent() == null ? "?" : String.format("%.1f", p.percent()),
                        p.eventsPerSecond() == null ? "?" : String.format("%.0f", p.eventsPerSecond()),
                        p.secondsLeft() == null ? "?" : p.secondsLeft());
                if (done) {
                    log.info("Rebuild of {} complete", projections);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException stopped) {
            log.info("Rebuild progress report ended: {}", stopped.getMessage());
        }
    }
}
