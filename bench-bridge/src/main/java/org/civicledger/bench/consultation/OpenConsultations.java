package org.civicledger.bench.consultation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import tools.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.civicledger.domain.bench.BenchDecommissioned;
import org.civicledger.domain.bench.BenchRegistered;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;

/**
 * The consultations each municipality has open, and the benches that show them: kept in memory by the bridge and
 * rebuilt from the events at every start (its token store is in memory too, see
 * {@code BenchBridgeConfiguration}). Tells listeners which municipality changed.
 */
@ProcessingGroup(OpenConsultations.PROCESSING_GROUP)
public class OpenConsultations {

    public static final String PROCESSING_GROUP = "bench-consultations";

    /** A consultation as a bench shows it: its question and options' labels by language, opened. */
    public record Shown(String consultationId, Map<String, String> question, List<Option> options,
                        Instant opensAt, Instant closesAt) {
    }

    /** An option as a bench shows it. */
    public record Option(String optionId, Map<String, String> label) {
    }

    /**
     * A consultation as its events tell it, texts still sealed: they are opened when a bench is first shown it
     * ({@link #openIn}), not when the event is applied — at a start, the events of years of consultations are
     * applied again, and nearly all of them are closed.
     */
    private record Known(String municipalityId, String consultationId, SealedText question,
                         List<Map.Entry<String, SealedText>> options, Instant opensAt, Instant closesAt) {
    }

    private final Map<String, Known> consultations = new ConcurrentHashMap<>();
    /** What benches were shown of a consultation, its texts opened: made once, when first shown. */
    private final Map<String, Shown> shown = new ConcurrentHashMap<>();
    /** Benches in the network (registered, not decommissioned) and their municipality. */
    private final Map<String, String> benches = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final TextVault texts;

    public OpenConsultations(Clock clock, TextVault texts) {
        this.clock = clock;
        this.texts = texts;
    }

    public void whenChanged(Consumer<String> municipalityListener) {
        listeners.add(municipalityListener);
    }

    /**
     * A consultation whose window has passed is never shown (no event moves its end): it is not kept. At a start
     * the events of years of consultations are applied again; kept, they filled the heap (47,000 at a million events).
     */
    @EventHandler
    void on(ConsultationOpened event) {
        if (!clock.instant().isBefore(event.closesAt())) {
            consultations.remove(event.consultationId());
            shown.remove(event.consultationId());
            return;
        }
        consultations.put(event.consultationId(), new Known(event.municipalityId(), event.consultationId(), event.question(),
                event.options().stream().map(o -> Map.entry(o.optionId(), o.label())).toList(),
                event.opensAt(), event.closesAt()));
        shown.remove(event.consultationId());
        listeners.forEach(l -> l.accept(event.municipalityId()));
    }

    /** A closed consultation is never shown again: it is forgotten. */
    @EventHandler
    void on(ConsultationClosed event) {
        Known known = consultations.remove(event.consultationId());
        shown.remove(event.consultationId());
        if (known != null) {
            listeners.forEach(l -> l.accept(known.municipalityId()));
        }
    }

    @EventHandler
    void on(BenchRegistered event) {
        benches.put(event.benchId(), event.municipalityId());
    }

    @EventHandler
    void on(BenchDecommissioned event) {
        benches.remove(event.benchId());
    }

    @ResetHandler
    void reset() {
        consultations.clear();
        shown.clear();
        benches.clear();
    }

    /** A text by language, sealed as one JSON object in the event; empty if it is withheld. */
    private Map<String, String> byLanguage(SealedText sealed) {
        String opened = texts.open(sealed).text();
        Map<String, String> byLanguage = new java.util.TreeMap<>();
        if (opened != null) {
            json.readTree(opened).properties().forEach(e -> byLanguage.put(e.getKey(), e.getValue().asString()));
        }
        return byLanguage;
    }

    /** How many consultations are kept: those whose window has not passed and that were not closed. */
    int kept() {
        return consultations.size();
    }

    /** The benches of a municipality that are in the network. */
    public List<String> benchesIn(String municipalityId) {
        return benches.entrySet().stream().filter(e -> e.getValue().equals(municipalityId)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Every bench in the network. */
    public List<String> benches() {
        return benches.keySet().stream().sorted().toList();
    }

    /** The municipality of a bench in the network, if it is one. */
    public java.util.Optional<String> municipalityOf(String benchId) {
        return java.util.Optional.ofNullable(benches.get(benchId));
    }

    /** What {@code benches/{benchId}/consultations} holds (retained): the consultations open now for the bench. */
    public String noticeFor(String benchId, String municipalityId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("benchId", benchId);
        body.put("municipalityId", municipalityId);
        body.put("consultations", openIn(municipalityId));
        return json.writeValueAsString(body);
    }

    /** Open now: inside its window and not closed early; soonest closing first. */
    public List<Shown> openIn(String municipalityId) {
        Instant now = clock.instant();
        consultations.values().removeIf(k -> {
            boolean over = !now.isBefore(k.closesAt());
            if (over) {
                shown.remove(k.consultationId());
            }
            return over;
        });
        return consultations.values().stream()
                .filter(k -> k.municipalityId().equals(municipalityId)
                        && !now.isBefore(k.opensAt()) && now.isBefore(k.closesAt()))
                .sorted(Comparator.comparing(Known::closesAt))
                .map(k -> shown.computeIfAbsent(k.consultationId(), id -> opened(k)))
                .toList();
    }

    private Shown opened(Known known) {
        return new Shown(known.consultationId(), byLanguage(known.question()), known.options().stream()
                .map(o -> new Option(o.getKey(), byLanguage(o.getValue()))).toList(), known.opensAt(), known.closesAt());
    }
}
