package org.civicledger.query.municipalday;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Everything the dashboards and the ELoGE indicators count for one municipality (or the network) over one
 * period, before disclosure control: kept for every day, and for every month, year and the whole time as the
 * sum of their days. A window of days is answered by adding the figures of the few periods it is made of
 * ({@link Window}); nothing is counted when a reader asks.
 *
 * <p>Each part counts one kind of thing by the day it happened to it: ideas by the day they were submitted
 * (with what became of them since), by the day they were forwarded to the municipality, by the day they were
 * first answered; acts of participation by the day they were done; consultations by the day they open; bench
 * reports by the day they were sent. Lists (the ideas waiting longest, the latest accepted, the latest
 * consultations) keep only the few entries a reader is shown, which is all a sum of periods needs.
 */
public final class Figures {

    /** How many of the ideas waiting longest for an answer are listed. */
    public static final int WAITING_LISTED = 10;
    /** How many of the latest accepted ideas are listed. */
    public static final int ACCEPTED_LISTED = 50;
    /** How many of the latest consultations are listed. */
    public static final int CONSULTATIONS_LISTED = 10;

    /** An idea forwarded and not yet answered. */
    public record Waiting(String ideaId, String municipalityId, long forwardedAt, Document title, boolean hidden) {
    }

    /** An idea accepted (fully or partly) and its progress. */
    public record Accepted(String ideaId, long firstAnsweredAt, String status, int progress, Document title, boolean hidden) {
    }

    /** A consultation, by when it opens. */
    public record Opened(String consultationId, long opensAt) {
    }

    /** What a bench's reports in the period tell. */
    public record BenchUse(long reports, long wifiClients, long chargingSessions, Long lastSeen, String lastState,
                           Long lastStateAt, Double batteryPercent, Long batteryAt) {

        public static final BenchUse NONE = new BenchUse(0, 0, 0, null, null, null, null, null);

        BenchUse plus(BenchUse other) {
            boolean stateLater = other.lastStateAt != null && (lastStateAt == null || other.lastStateAt > lastStateAt);
            boolean batteryLater = other.batteryAt != null && (batteryAt == null || other.batteryAt > batteryAt);
            return new BenchUse(reports + other.reports, wifiClients + other.wifiClients,
                    chargingSessions + other.chargingSessions, later(lastSeen, other.lastSeen),
                    stateLater ? other.lastState : lastState, stateLater ? other.lastStateAt : lastStateAt,
                    batteryLater ? other.batteryPercent : batteryPercent, batteryLater ? other.batteryAt : batteryAt);
        }

        private static Long later(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
        }
    }

    // ideas submitted in the period, by what they are now
    public final Map<String, Long> status = new TreeMap<>();
    public final Map<String, Long> topic = new TreeMap<>();
    public final Map<String, Long> channel = new TreeMap<>();
    public final Map<String, Long> localCommunity = new TreeMap<>();
    public final Map<String, Long> language = new TreeMap<>();
    public final Map<String, Long> validations = new TreeMap<>();
    public final Map<String, Long> actions = new TreeMap<>();
    public long moderated;
    public long restoredOnAppeal;
    public long moderatedWithReason;
    // ideas forwarded in the period
    public long forwarded;
    public long answered;
    public long answeredWithin30Days;
    public final Map<Long, Long> answerMilliDays = new TreeMap<>();
    public final Map<Long, Long> unansweredSince = new TreeMap<>();
    public final List<Waiting> waiting = new ArrayList<>();
    // ideas first answered in the period
    public long firstAnswered;
    public long withRationale;
    public long neededInformation;
    public final Map<String, Long> departments = new TreeMap<>();
    public long accepted;
    public long completed;
    public long acceptedWithProgress;
    public final List<Accepted> latestAccepted = new ArrayList<>();
    // acts of participation done in the period
    public long acts;
    public final Map<String, Long> actsByKind = new TreeMap<>();
    public final Map<String, Long> actsByChannel = new TreeMap<>();
    public final Map<String, Long> actsByGender = new TreeMap<>();
    public final Map<String, Long> actsByAgeBand = new TreeMap<>();
    public final Map<String, Long> actsByLocalCommunity = new TreeMap<>();
    // consultations opening in the period
    public long consultations;
    public long consultationsClosed;
    public long consultationsConcluded;
    public final Map<Long, Long> openUntil = new TreeMap<>();
    public final List<Opened> latestConsultations = new ArrayList<>();
    // bench reports sent in the period
    public final Map<String, BenchUse> benches = new TreeMap<>();

    static final Comparator<Waiting> LONGEST_WAITING = Comparator.comparingLong(Waiting::forwardedAt)
            .thenComparing(Waiting::ideaId);
    static final Comparator<Accepted> LATEST_ACCEPTED = Comparator.comparingLong(Accepted::firstAnsweredAt).reversed()
            .thenComparing(Accepted::ideaId);
    static final Comparator<Opened> LATEST_OPENED = Comparator.comparingLong(Opened::opensAt).reversed()
            .thenComparing(Opened::consultationId);

    /** Adds another period's figures to these. */
    public Figures add(Figures other) {
        addAll(status, other.status);
        addAll(topic, other.topic);
        addAll(channel, other.channel);
        addAll(localCommunity, other.localCommunity);
        addAll(language, other.language);
        addAll(validations, other.validations);
        addAll(actions, other.actions);
        moderated += other.moderated;
        restoredOnAppeal += other.restoredOnAppeal;
        moderatedWithReason += other.moderatedWithReason;
        forwarded += other.forwarded;
        answered += other.answered;
        answeredWithin30Days += other.answeredWithin30Days;
        addAll(answerMilliDays, other.answerMilliDays);
        addAll(unansweredSince, other.unansweredSince);
        keepFirst(waiting, other.waiting, LONGEST_WAITING, WAITING_LISTED);
        firstAnswered += other.firstAnswered;
        withRationale += other.withRationale;
        neededInformation += other.neededInformation;
        addAll(departments, other.departments);
        accepted += other.accepted;
        completed += other.completed;
        acceptedWithProgress += other.acceptedWithProgress;
        keepFirst(latestAccepted, other.latestAccepted, LATEST_ACCEPTED, ACCEPTED_LISTED);
        acts += other.acts;
        addAll(actsByKind, other.actsByKind);
        addAll(actsByChannel, other.actsByChannel);
        addAll(actsByGender, other.actsByGender);
        addAll(actsByAgeBand, other.actsByAgeBand);
        addAll(actsByLocalCommunity, other.actsByLocalCommunity);
        consultations += other.consultations;
        consultationsClosed += other.consultationsClosed;
        consultationsConcluded += other.consultationsConcluded;
        addAll(openUntil, other.openUntil);
        keepFirst(latestConsultations, other.latestConsultations, LATEST_OPENED, CONSULTATIONS_LISTED);
        other.benches.forEach((bench, use) -> benches.merge(bench, use, BenchUse::plus));
        return this;
    }

    private static <K> void addAll(Map<K, Long> into, Map<K, Long> from) {
        from.forEach((key, count) -> into.merge(key, count, Long::sum));
    }

    static <T> void keepFirst(List<T> into, List<T> from, Comparator<T> order, int kept) {
        into.addAll(from);
        into.sort(order);
        if (into.size() > kept) {
            into.subList(kept, into.size()).clear();
        }
    }

    static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    // ----- as stored -----

    public Document toDocument() {
        return new Document()
                .append("status", strings(status)).append("topic", strings(topic)).append("channel", strings(channel))
                .append("localCommunity", strings(localCommunity)).append("language", strings(language))
                .append("validations", strings(validations)).append("actions", strings(actions))
                .append("moderated", moderated).append("restoredOnAppeal", restoredOnAppeal)
                .append("moderatedWithReason", moderatedWithReason)
                .append("forwarded", forwarded).append("answered", answered).append("answeredWithin30Days", answeredWithin30Days)
                .append("answerMilliDays", numbers(answerMilliDays)).append("unansweredSince", numbers(unansweredSince))
                .append("waiting", waiting.stream().map(w -> new Document("ideaId", w.ideaId())
                        .append("municipalityId", w.municipalityId()).append("forwardedAt", w.forwardedAt())
                        .append("title", w.title()).append("hidden", w.hidden())).toList())
                .append("firstAnswered", firstAnswered).append("withRationale", withRationale)
                .append("neededInformation", neededInformation).append("departments", strings(departments))
                .append("accepted", accepted).append("completed", completed).append("acceptedWithProgress", acceptedWithProgress)
                .append("latestAccepted", latestAccepted.stream().map(a -> new Document("ideaId", a.ideaId())
                        .append("firstAnsweredAt", a.firstAnsweredAt()).append("status", a.status())
                        .append("progress", a.progress()).append("title", a.title()).append("hidden", a.hidden())).toList())
                .append("acts", acts).append("actsByKind", strings(actsByKind)).append("actsByChannel", strings(actsByChannel))
                .append("actsByGender", strings(actsByGender)).append("actsByAgeBand", strings(actsByAgeBand))
                .append("actsByLocalCommunity", strings(actsByLocalCommunity))
                .append("consultations", consultations).append("consultationsClosed", consultationsClosed)
                .append("consultationsConcluded", consultationsConcluded).append("openUntil", numbers(openUntil))
                .append("latestConsultations", latestConsultations.stream().map(c -> new Document("consultationId",
                        c.consultationId()).append("opensAt", c.opensAt())).toList())
                .append("benches", benchDocuments());
    }

    public static Figures of(Document stored) {
        Figures f = new Figures();
        if (stored == null) {
            return f;
        }
        readStrings(stored, "status", f.status);
        readStrings(stored, "topic", f.topic);
        readStrings(stored, "channel", f.channel);
        readStrings(stored, "localCommunity", f.localCommunity);
        readStrings(stored, "language", f.language);
        readStrings(stored, "validations", f.validations);
        readStrings(stored, "actions", f.actions);
        f.moderated = number(stored, "moderated");
        f.restoredOnAppeal = number(stored, "restoredOnAppeal");
        f.moderatedWithReason = number(stored, "moderatedWithReason");
        f.forwarded = number(stored, "forwarded");
        f.answered = number(stored, "answered");
        f.answeredWithin30Days = number(stored, "answeredWithin30Days");
        readNumbers(stored, "answerMilliDays", f.answerMilliDays);
        readNumbers(stored, "unansweredSince", f.unansweredSince);
        for (Document w : stored.getList("waiting", Document.class, List.of())) {
            f.waiting.add(new Waiting(w.getString("ideaId"), w.getString("municipalityId"), number(w, "forwardedAt"),
                    w.get("title", Document.class), w.getBoolean("hidden", false)));
        }
        f.firstAnswered = number(stored, "firstAnswered");
        f.withRationale = number(stored, "withRationale");
        f.neededInformation = number(stored, "neededInformation");
        readStrings(stored, "departments", f.departments);
        f.accepted = number(stored, "accepted");
        f.completed = number(stored, "completed");
        f.acceptedWithProgress = number(stored, "acceptedWithProgress");
        for (Document a : stored.getList("latestAccepted", Document.class, List.of())) {
            f.latestAccepted.add(new Accepted(a.getString("ideaId"), number(a, "firstAnsweredAt"), a.getString("status"),
                    a.getInteger("progress", 0), a.get("title", Document.class), a.getBoolean("hidden", false)));
        }
        f.acts = number(stored, "acts");
        readStrings(stored, "actsByKind", f.actsByKind);
        readStrings(stored, "actsByChannel", f.actsByChannel);
        readStrings(stored, "actsByGender", f.actsByGender);
        readStrings(stored, "actsByAgeBand", f.actsByAgeBand);
        readStrings(stored, "actsByLocalCommunity", f.actsByLocalCommunity);
        f.consultations = number(stored, "consultations");
        f.consultationsClosed = number(stored, "consultationsClosed");
        f.consultationsConcluded = number(stored, "consultationsConcluded");
        readNumbers(stored, "openUntil", f.openUntil);
        for (Document c : stored.getList("latestConsultations", Document.class, List.of())) {
            f.latestConsultations.add(new Opened(c.getString("consultationId"), number(c, "opensAt")));
        }
        Document benches = stored.get("benches", Document.class);
        if (benches != null) {
            benches.forEach((bench, value) -> {
                Document u = (Document) value;
                f.benches.put(bench, new BenchUse(number(u, "reports"), number(u, "wifiClients"),
                        number(u, "chargingSessions"), optional(u, "lastSeen"), u.getString("lastState"),
                        optional(u, "lastStateAt"), u.getDouble("batteryPercent"), optional(u, "batteryAt")));
            });
        }
        return f;
    }

    private Document benchDocuments() {
        Document all = new Document();
        benches.forEach((bench, u) -> all.append(bench, new Document("reports", u.reports())
                .append("wifiClients", u.wifiClients()).append("chargingSessions", u.chargingSessions())
                .append("lastSeen", u.lastSeen()).append("lastState", u.lastState()).append("lastStateAt", u.lastStateAt())
                .append("batteryPercent", u.batteryPercent()).append("batteryAt", u.batteryAt())));
        return all;
    }

    private static Document strings(Map<String, Long> counts) {
        Document stored = new Document();
        counts.forEach((key, count) -> {
            if (count != 0) {
                stored.append(key, count);
            }
        });
        return stored;
    }

    /** Numeric keys as a flat list {@code [key, count, key, count, ...]}: a histogram, compact and in order. */
    private static List<Long> numbers(Map<Long, Long> counts) {
        List<Long> flat = new ArrayList<>(counts.size() * 2);
        counts.forEach((key, count) -> {
            if (count != 0) {
                flat.add(key);
                flat.add(count);
            }
        });
        return flat;
    }

    private static void readStrings(Document stored, String field, Map<String, Long> into) {
        Document counts = stored.get(field, Document.class);
        if (counts != null) {
            counts.forEach((key, count) -> into.put(key, ((Number) count).longValue()));
        }
    }

    private static void readNumbers(Document stored, String field, Map<Long, Long> into) {
        List<?> flat = stored.getList(field, Object.class, List.of());
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            into.merge(((Number) flat.get(i)).longValue(), ((Number) flat.get(i + 1)).longValue(), Long::sum);
        }
    }

    static long number(Document stored, String field) {
        Number value = stored.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static Long optional(Document stored, String field) {
        Number value = stored.get(field, Number.class);
        return value == null ? null : value.longValue();
    }

    static Date date(long millis) {
        return new Date(millis);
    }

    /** A copy, for callers that change what they were given. */
    static Map<String, Long> copy(Map<String, Long> counts) {
        return new LinkedHashMap<>(counts);
    }
}
