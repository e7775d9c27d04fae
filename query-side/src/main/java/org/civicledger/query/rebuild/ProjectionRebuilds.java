package org.civicledger.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import org.civicledger.domain.shared.InvalidField;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.ReadModels;
import org.springframework.stereotype.Component;

/**
 * The read models as an administrator sees them: every projection of the one pass, how far the pass is, and
 * rebuilding. All projections are built together by one pass over the events, so rebuilding any one of them
 * builds a new generation of all of them ({@link ReadModels#rebuild}), beside the current one, which keeps
 * answering until the new one has caught up.
 */
@Component
public class ProjectionRebuilds {

    /**
     * How far a projection is (the pass it is part of). {@code rebuilt}: no build under way and the current
     * generation caught up with the events. {@code generation}: the one the figures are about — the one being
     * built, while a build is under way.
     */
    public record Progress(String projection, int generation, boolean rebuilt, boolean building, boolean caughtUp,
                           boolean error, String errorMessage, Long position, Long head, Double percent,
                           Double eventsPerSecond, Long secondsLeft) {
    }

    private final ReadModels models;
    private final List<String> names;

    ProjectionRebuilds(ReadModels models, List<Projection> projections) {
        this.models = models;
        this.names = projections.stream().map(ProjectionRebuilds::name).sorted().toList();
    }

    /** The projections of the pass, by name. */
    public List<String> projections() {
        return names;
    }

    /** Starts building a new generation of every projection ({@code name}: any of them, or {@code all}); returns the names. */
    public List<String> rebuild(String name) {
        known(name);
        models.rebuild();
        return names;
    }

    /** Stops the passes and starts them again from their stored tokens, e.g. to resume after an interruption. */
    public void restart() {
        models.restart();
    }

    public List<Progress> progress() {
        List<Progress> all = new ArrayList<>();
        names.forEach(name -> all.add(progress(name)));
        return all;
    }

    public Progress progress(String name) {
        known(name);
        List<ReadModels.Progress> passes = models.progress();
        ReadModels.Progress shown = passes.stream().filter(ReadModels.Progress::building).findFirst()
                .orElse(passes.isEmpty() ? null : passes.get(0));
        if (shown == null) {
            return new Progress(name, 0, false, false, false, false, null, null, null, 0.0, null, null);
        }
        return new Progress(name, shown.generation(), models.settled(), shown.building(), shown.caughtUp(), shown.error(),
                shown.errorMessage(), shown.position(), shown.head(), shown.percent(), shown.eventsPerSecond(),
                shown.secondsLeft());
    }

    private void known(String name) {
        if (name == null || !("all".equals(name) || names.contains(name))) {
            throw new InvalidField("projection", "must be one of " + names + " or all");
        }
    }

    /** A projection's name: its class's, without "Projection", in lower-case words joined by dashes. */
    static String name(Projection projection) {
        String simple = projection.getClass().getSimpleName().replace("Projection", "");
        simple = simple.contains("$$") ? simple.substring(0, simple.indexOf("$$")) : simple;
        String name = simple.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return name.endsWith("s") ? name : name.endsWith("ch") ? name + "es" : name.endsWith("y") ? name.substring(0, name.length() - 1) + "ies" : name + "s";
    }
}
