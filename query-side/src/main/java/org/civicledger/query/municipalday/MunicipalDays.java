package org.civicledger.query.municipalday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.civicledger.domain.bench.BenchStatusReported;
import org.civicledger.domain.bench.BenchTelemetryRecorded;
import org.civicledger.domain.consultation.BenchOpinionGiven;
import org.civicledger.domain.consultation.ConsultationAnswered;
import org.civicledger.domain.consultation.ConsultationClosed;
import org.civicledger.domain.consultation.ConsultationConcluded;
import org.civicledger.domain.consultation.ConsultationOpened;
import org.civicledger.domain.idea.ActionForwarded;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.CsoValidationRecorded;
import org.civicledger.domain.idea.IdeaAmended;
import org.civicledger.domain.idea.IdeaAnswered;
import org.civicledger.domain.idea.IdeaCompleted;
import org.civicledger.domain.idea.IdeaHidden;
import org.civicledger.domain.idea.IdeaRestored;
import org.civicledger.domain.idea.IdeaSubmitted;
import org.civicledger.domain.idea.IdeaTextRedacted;
import org.civicledger.domain.idea.IdeaValidated;
import org.civicledger.domain.idea.ProgressReported;
import org.civicledger.domain.person.Profile;
import org.civicledger.domain.shared.OpenedText;
import org.civicledger.domain.shared.SealedText;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.domain.vote.VoteCast;
import org.civicledger.domain.vote.VoteWithdrawn;
import org.civicledger.query.bench.BenchProjection;
import org.civicledger.query.consultation.ConsultationProjection;
import org.civicledger.query.idea.IdeaProjection;
import org.civicledger.query.readmodel.Documents;
import org.civicledger.query.readmodel.Fact;
import org.civicledger.query.readmodel.Projection;
import org.civicledger.query.readmodel.Rank;
import org.civicledger.query.readmodel.ReadCollection;
import org.springframework.stereotype.Component;

/**
 * Keeps each municipality's days ({@code municipalDays}): what happened in it that day, one entry per thing,
 * each with the version of what it records — an idea submitted, forwarded or first answered that day (as it
 * stands now), an act of participation done that day, a consultation opening, a bench report sent — and the
 * day's {@link Figures} computed from them. And the figures of every month, year and the whole time, for each
 * municipality and for the network, as the sums of their days ({@code periodFigures}).
 *
 * <p>An entry changes only for a newer version of what it records, so an event applied again changes nothing.
 * The entries follow the documents the idea, consultation and bench projections keep, which this projection
 * reads after they have applied the same event: an idea's entries are made again from the idea as it now stands;
 * a ballot's act moves with the ballot's record (the day it counts on, and the day it counted on before).
 *
 * <p>A day's figures are also kept alone among the periods ({@code periodFigures}, {@code <municipality>/<day>}),
 * so that a window's ragged ends are read without the day's entries.
 *
 * <p>Sums of days are computed from the days, never added to, and written before them ({@link Rank#DERIVED}): a
 * stop between the two leaves days behind, which the same events bring up again, and the sums are computed
 * again from them. While the pass builds from the first event, the sums are computed once at the end.
 */
@Component
@org.springframework.core.annotation.Order(10)
public class MunicipalDays implements Projection {

    public static final ReadCollection DAYS = ReadCollection.of("municipalDays", Rank.VIEW);
    public static final ReadCollection PERIODS = ReadCollection.of("periodFigures", Rank.DERIVED);
    /** The scope of the network's figures: every municipality together. */
    public static final String NETWORK = "*";
    static final String ALL_TIME = "all";
    private static final String CALENDAR = "calendar";
    private static final String CHANGED_DAYS = "municipal-days-changed";
    private static final Set<String> ACCEPTED = Set.of("ACCEPTED", "PARTIALLY_ACCEPTED", "COMPLETED");
    private static final long THIRTY_DAYS = 30L * 86_400_000;

    private static final Set<Class<?>> IDEA_EVENTS = Set.of(IdeaSubmitted.class, IdeaAmended.class,
            CsoValidationRecorded.class, IdeaValidated.class, ActionForwarded.class, IdeaAnswered.class,
            ProgressReported.class, IdeaCompleted.class, IdeaHidden.class, IdeaRestored.class, IdeaTextRedacted.class);

    private final TextVault texts;

    public MunicipalDays(TextVault texts) {
        this.texts = texts;
    }

    @Override
    public Set<Class<?>> handles() {
        Set<Class<?>> all = new LinkedHashSet<>(IDEA_EVENTS);
        all.addAll(List.of(VoteCast.class, VoteWithdrawn.class, ConsultationOpened.class, ConsultationClosed.class,
                ConsultationConcluded.class, ConsultationAnswered.class, BenchOpinionGiven.class,
                BenchTelemetryRecorded.class, BenchStatusReported.class));
        return all;
    }

    @Override
    public void apply(Fact fact, Documents documents) {
        Object event = fact.payload();
        if (event instanceof VoteCast cast) {
            ballot(documents, cast.ideaId(), cast.voterPseudonym(), fact, cast.profile());
        } else if (event instanceof VoteWithdrawn withdrawn) {
            ballot(documents, withdrawn.ideaId(), withdrawn.voterPseudonym(), fact, null);
        } else if (IDEA_EVENTS.contains(event.getClass())) {
            idea(documents, org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()), event instanceof IdeaSubmitted submitted ? submitted : null);
        } else if (event instanceof ConsultationAnswered answered) {
            response(documents, answered.consultationId(), "a" + answered.consultationId() + ":" + answered.respondentPseudonym(),
                    "ANSWER", Channel.WEB, fact.at(), answered.profile());
        } else if (event instanceof BenchOpinionGiven opinion) {
            response(documents, opinion.consultationId(), "o" + opinion.opinionId(), "OPINION", Channel.BENCH, fact.at(), null);
        } else if (event instanceof BenchTelemetryRecorded telemetry) {
            report(documents, telemetry.benchId(), telemetry.messageId(), telemetry.sentAt(), new Document("kind", "TELEMETRY")
                    .append("battery", telemetry.batteryPercent()).append("wifi", telemetry.wifiClients())
                    .append("charging", telemetry.chargingSessions()));
        } else if (event instanceof BenchStatusReported status) {
            report(documents, status.benchId(), status.messageId(), status.sentAt(), new Document("kind", "STATUS")
                    .append("state", status.state()));
        } else {
            consultation(documents, event instanceof ConsultationOpened opened ? opened.consultationId() : org.civicledger.query.readmodel.FactKeys.keyOf(fact.payload()));
        }
    }

    // ----- entries -----

    /** The idea's entries, made again from the idea as it stands: on the day it was submitted, forwarded, first answered. */
    private void idea(Documents documents, String ideaId, IdeaSubmitted submitted) {
        Document idea = documents.find(IdeaProjection.IDEAS, ideaId);
        if (idea == null) {
            return;
        }
        long version = idea.get("version", Number.class).longValue();
        String municipality = idea.getString("municipalityId");
        Document submittedOn = day(documents, municipality, idea.getDate("submittedAt").toInstant());
        entry(documents, submittedOn, "submitted", ideaId, version, () -> submittedEntry(idea));
        if (submitted != null) {
            act(documents, submittedOn, "i" + ideaId, 0, "IDEA", submitted.channel(), submitted.profile());
        }
        Document action = idea.get("action", Document.class);
        if (action != null) {
            entry(documents, day(documents, municipality, action.getDate("at").toInstant()), "forwarded", ideaId, version,
                    () -> forwardedEntry(idea));
        }
        Date firstAnswered = idea.getDate("firstAnsweredAt");
        if (firstAnswered != null) {
            entry(documents, day(documents, municipality, firstAnswered.toInstant()), "firstAnswered", ideaId, version,
                    () -> answeredEntry(idea));
        }
    }

    private static Document submittedEntry(Document idea) {
        Map<String, Long> decisions = new HashMap<>();
        for (Document v : idea.getList("validations", Document.class, List.of())) {
            if (v.getBoolean("current", false)) {
                decisions.merge(v.getString("decision"), 1L, Long::sum);
            }
        }
        Document action = idea.get("action", Document.class);
        Document moderation = idea.get("moderation", Document.class);
        return new Document("status", idea.getString("status")).append("topic", idea.getString("topic"))
                .append("channel", idea.getString("channel"))
                .append("localCommunity", idea.getString("localCommunity") == null ? "NONE" : idea.getString("localCommunity"))
                .append("language", idea.getString("language"))
                .append("validations", new Document(new java.util.TreeMap<String, Object>(decisions)))
                .append("action", action == null ? null : action.getString("kind"))
                .append("moderated", moderation != null)
                .append("restored", moderation != null && !moderation.getBoolean("hidden", false))
                .append("moderationReason", moderation != null && moderation.get("reason") != null);
    }

    private static Document forwardedEntry(Document idea) {
        Date answered = idea.getDate("firstAnsweredAt");
        return new Document("municipalityId", idea.getString("municipalityId"))
                .append("at", idea.get("action", Document.class).getDate("at").getTime())
                .append("answeredAt", answered == null ? null : answered.getTime())
                .append("title", idea.get("title", Document.class)).append("hidden", idea.getBoolean("hidden", false));
    }

    private static Document answeredEntry(Document idea) {
        Document response = idea.get("response", Document.class);
        Document progress = idea.get("progress", Document.class);
        return new Document("at", idea.getDate("firstAnsweredAt").getTime()).append("status", idea.getString("status"))
                .append("progress", progress == null ? 0 : progress.getInteger("percent", 0))
                .append("hasProgress", progress != null)
                .append("rationale", response != null && response.get("rationale") != null)
                .append("department", response == null ? null : response.getString("department"))
                .append("neededInformation", idea.getList("answerDecisions", String.class, List.of()).contains("NEEDS_INFORMATION"))
                .append("title", idea.get("title", Document.class)).append("hidden", idea.getBoolean("hidden", false));
    }

    /** The act of a ballot follows its record: off the day it counted on before, onto the day it counts on now. */
    private void ballot(Documents documents, String ideaId, String voter, Fact fact, SealedText profile) {
        IdeaProjection.Ballot ballot = IdeaProjection.ballotOf(documents, ideaId, voter);
        Document idea = documents.find(IdeaProjection.IDEAS, ideaId);
        if (ballot == null || idea == null) {
            return;
        }
        String municipality = idea.getString("municipalityId");
        String act = "v" + ideaId + ":" + voter;
        if (ballot.previousDay() >= 0 && (ballot.previousDay() != ballot.day() || !ballot.counted())) {
            Document before = day(documents, municipality, LocalDate.ofEpochDay(ballot.previousDay()));
            Document acts = before.get("acts", Document.class);
            String entry = acts == null ? null : acts.getString(key(act));
            if (entry != null && ActEntry.of(entry).version() < ballot.version()) {
                acts.remove(key(act));
                changed(documents, before);
            }
        }
        if (ballot.counted() && fact.sequence() == ballot.version()) {
            act(documents, day(documents, municipality, LocalDate.ofEpochDay(ballot.day())), act, ballot.version(), "VOTE",
                    Channel.WEB, profile);
        }
    }

    private void response(Documents documents, String consultationId, String act, String kind, Channel channel, Instant at,
                          SealedText profile) {
        Document consultation = documents.find(ConsultationProjection.CONSULTATIONS, consultationId);
        if (consultation != null) {
            act(documents, day(documents, consultation.getString("municipalityId"), at), act, 0, kind, channel, profile);
        }
    }

    /** The consultation's entry on the day it opens, made again from the consultation as it stands. */
    private static void consultation(Documents documents, String consultationId) {
        Document consultation = documents.find(ConsultationProjection.CONSULTATIONS, consultationId);
        if (consultation == null) {
            return;
        }
        Date opensAt = consultation.getDate("opensAt");
        entry(documents, day(documents, consultation.getString("municipalityId"), opensAt.toInstant()), "consultations",
                consultationId, consultation.get("version", Number.class).longValue(),
                () -> new Document("opensAt", opensAt.getTime()).append("closesAt", consultation.getDate("closesAt").getTime())
                        .append("closed", consultation.getBoolean("closed", false))
                        .append("concluded", consultation.get("conclusion") != null));
    }

    private static void report(Documents documents, String benchId, String messageId, Instant sentAt, Document report) {
        String municipality = BenchProjection.municipalityOf(documents, benchId);
        if (municipality == null) {
            return;
        }
        Document day = day(documents, municipality, sentAt);
        Document reports = part(day, "reports");
        if (!reports.containsKey(key(messageId))) {
            reports.put(key(messageId), report.append("bench", benchId).append("at", sentAt.toEpochMilli()));
            changed(documents, day);
        }
    }

    /** Sets an entry of the day made by {@code make}, unless the day holds it at {@code version} or later. */
    private static void entry(Documents documents, Document day, String part, String id, long version,
                              java.util.function.Supplier<Document> make) {
        Document entries = part(day, part);
        Document entry = entries.get(id, Document.class);
        if (entry != null && entry.get("v", Number.class).longValue() >= version) {
            return;
        }
        entries.put(id, make.get().append("v", version));
        changed(documents, day);
    }

    /** An act of participation on the day, with the profile its actor stated (categories only), unless there at this version. */
    private void act(Documents documents, Document day, String act, long version, String kind, Channel channel,
                     SealedText profile) {
        Document acts = part(day, "acts");
        String entry = acts.getString(key(act));
        if (entry != null && ActEntry.of(entry).version() >= version) {
            return;
        }
        Profile stated = profile(profile);
        acts.put(key(act), new ActEntry(version, kind, channel.name(), stated == null ? null : stated.gender(),
                stated == null ? null : stated.ageBand(), stated == null ? null : stated.localCommunity()).packed());
        changed(documents, day);
    }

    private Profile profile(SealedText sealed) {
        if (sealed == null) {
            return null;
        }
        OpenedText opened = texts.open(sealed);
        return opened.gone() ? null : Profile.decode(opened.text());
    }

    /** The key an act is kept under in a day: short, and a field name MongoDB accepts. */
    static String key(String act) {
        byte[] hash = SHA_256.get().digest(act.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
    }

    private static final ThreadLocal<java.security.MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    /**
     * An act of participation as a day keeps it: the version of what it records, its kind and channel, and the
     * categories its actor stated (null where none), packed in one string (a day holds thousands of them; as
     * subdocuments they made most of the read store's bytes).
     */
    public record ActEntry(long version, String kind, String channel, String gender, String ageBand, String localCommunity) {

        private static final char SEPARATOR = '\u001f';

        public String packed() {
            return version + "" + SEPARATOR + kind + SEPARATOR + channel + SEPARATOR + orEmpty(gender) + SEPARATOR
                    + orEmpty(ageBand) + SEPARATOR + orEmpty(localCommunity);
        }

        public static ActEntry of(String packed) {
            String[] parts = packed.split(String.valueOf(SEPARATOR), -1);
            return new ActEntry(Long.parseLong(parts[0]), parts[1], parts[2], orNull(parts[3]), orNull(parts[4]), orNull(parts[5]));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }

        private static String orNull(String value) {
            return value.isEmpty() ? null : value;
        }
    }

    private static Document part(Document day, String name) {
        Document part = day.get(name, Document.class);
        if (part == null) {
            part = new Document();
            day.put(name, part);
        }
        return part;
    }

    private static Document day(Documents documents, String municipality, Instant at) {
        return day(documents, municipality, at.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static Document day(Documents documents, String municipality, LocalDate date) {
        Document day = documents.findOrMake(DAYS, documents.share(municipality + "/" + date));
        if (day.getString("municipalityId") == null) {
            day.append("municipalityId", municipality).append("day", date.toString());
            Document calendar = documents.findOrMake(PERIODS, documents.share(CALENDAR));
            Document municipalities = part(calendar, "municipalities");
            Document years = part(calendar, "years");
            String year = Integer.toString(date.getYear());
            if (!municipalities.containsKey(municipality) || !years.containsKey(year)) {
                municipalities.put(municipality, true);
                years.put(year, true);
                documents.changed(PERIODS, calendar);
            }
        }
        return day;
    }

    private static void changed(Documents documents, Document day) {
        documents.changed(DAYS, day);
        documents.<Set<String>>local(CHANGED_DAYS, LinkedHashSet::new).add(day.getString("_id"));
    }

    // ----- figures -----

    /** The figures of one day, from its entries. */
    public static Figures figuresOf(Document day) {
        Figures f = new Figures();
        String municipality = day.getString("municipalityId");
        entries(day, "submitted").forEach((id, value) -> {
            Document e = (Document) value;
            Figures.count(f.status, e.getString("status"));
            Figures.count(f.topic, e.getString("topic"));
            Figures.count(f.channel, e.getString("channel"));
            Figures.count(f.localCommunity, e.getString("localCommunity"));
            Figures.count(f.language, e.getString("language"));
            e.get("validations", Document.class).forEach((decision, n) ->
                    f.validations.merge(decision, ((Number) n).longValue(), Long::sum));
            if (e.getString("action") != null) {
                Figures.count(f.actions, e.getString("action"));
            }
            if (e.getBoolean("moderated", false)) {
                f.moderated++;
                f.restoredOnAppeal += e.getBoolean("restored", false) ? 1 : 0;
                f.moderatedWithReason += e.getBoolean("moderationReason", false) ? 1 : 0;
            }
        });
        entries(day, "forwarded").forEach((id, value) -> {
            Document e = (Document) value;
            long at = Figures.number(e, "at");
            Number answeredAt = e.get("answeredAt", Number.class);
            f.forwarded++;
            if (answeredAt != null) {
                long took = answeredAt.longValue() - at;
                f.answered++;
                f.answerMilliDays.merge(Math.round(took / 86_400.0), 1L, Long::sum);
                f.answeredWithin30Days += took <= THIRTY_DAYS ? 1 : 0;
            } else {
                f.unansweredSince.merge(at, 1L, Long::sum);
                f.waiting.add(new Figures.Waiting(id, e.getString("municipalityId"), at, e.get("title", Document.class),
                        e.getBoolean("hidden", false)));
            }
        });
        Figures.keepFirst(f.waiting, List.of(), Figures.LONGEST_WAITING, Figures.WAITING_LISTED);
        entries(day, "firstAnswered").forEach((id, value) -> {
            Document e = (Document) value;
            f.firstAnswered++;
            f.withRationale += e.getBoolean("rationale", false) ? 1 : 0;
            f.neededInformation += e.getBoolean("neededInformation", false) ? 1 : 0;
            if (e.getString("department") != null) {
                Figures.count(f.departments, e.getString("department"));
            }
            if (ACCEPTED.contains(e.getString("status"))) {
                f.accepted++;
                f.completed += "COMPLETED".equals(e.getString("status")) ? 1 : 0;
                f.acceptedWithProgress += e.getBoolean("hasProgress", false) ? 1 : 0;
                f.latestAccepted.add(new Figures.Accepted(id, Figures.number(e, "at"), e.getString("status"),
                        e.getInteger("progress", 0), e.get("title", Document.class), e.getBoolean("hidden", false)));
            }
        });
        Figures.keepFirst(f.latestAccepted, List.of(), Figures.LATEST_ACCEPTED, Figures.ACCEPTED_LISTED);
        entries(day, "acts").forEach((key, value) -> {
            ActEntry e = ActEntry.of((String) value);
            f.acts++;
            Figures.count(f.actsByKind, e.kind());
            Figures.count(f.actsByChannel, e.channel());
            if (Channel.WEB.name().equals(e.channel())) {
                Figures.count(f.actsByGender, statedOr(e.gender()));
                Figures.count(f.actsByAgeBand, statedOr(e.ageBand()));
                Figures.count(f.actsByLocalCommunity, statedOr(e.localCommunity()));
            }
        });
        entries(day, "consultations").forEach((id, value) -> {
            Document e = (Document) value;
            f.consultations++;
            f.latestConsultations.add(new Figures.Opened(id, Figures.number(e, "opensAt")));
            if (e.getBoolean("closed", false)) {
                f.consultationsClosed++;
            } else {
                f.openUntil.merge(Figures.number(e, "closesAt"), 1L, Long::sum);
            }
            f.consultationsConcluded += e.getBoolean("concluded", false) ? 1 : 0;
        });
        Figures.keepFirst(f.latestConsultations, List.of(), Figures.LATEST_OPENED, Figures.CONSULTATIONS_LISTED);
        entries(day, "reports").forEach((key, value) -> {
            Document e = (Document) value;
            long at = Figures.number(e, "at");
            boolean status = "STATUS".equals(e.getString("kind"));
            Figures.BenchUse use = status
                    ? new Figures.BenchUse(1, 0, 0, at, e.getString("state"), at, null, null)
                    : new Figures.BenchUse(1, Figures.number(e, "wifi"), Figures.number(e, "charging"), at, null, null,
                    e.get("battery", Number.class).doubleValue(), at);
            f.benches.merge(e.getString("bench"), use, Figures.BenchUse::plus);
        });
        return f;
    }

    private static Map<String, Object> entries(Document day, String part) {
        Document entries = day.get(part, Document.class);
        return entries == null ? Map.of() : entries;
    }

    private static String statedOr(String value) {
        return value == null ? "NOT_STATED" : value;
    }

    @Override
    public void derive(Documents documents, boolean everything) {
        Set<String> changed = documents.local(CHANGED_DAYS, LinkedHashSet::new);
        Map<String, Document> days = new HashMap<>();
        for (String id : changed) {
            Document day = documents.find(DAYS, id);
            if (day != null) {
                Figures figures = figuresOf(day);
                day.put("figures", figures.toDocument());
                documents.changed(DAYS, day);
                days.put(id, day);
                // the day's figures alone, for the readers of a window: a day document holds thousands of entries
                store(documents, day.getString("municipalityId") + "/" + day.getString("day"), figures);
            }
        }
        if (everything) {
            changed.clear();
            sumEverything(documents);
        } else if (!documents.building()) {
            sumChanged(documents, days.values());
            changed.clear();
        }
        // while building, the changed days stay listed only until their figures are computed
        if (documents.building()) {
            changed.clear();
        }
    }

    /** Every period's sums, from every day of this segment's share: once, when a build from the first event is done. */
    private static void sumEverything(Documents documents) {
        Map<String, Figures> sums = new HashMap<>();
        documents.forEach(DAYS, day -> {
            Figures f = Figures.of(day.get("figures", Document.class));
            LocalDate date = LocalDate.parse(day.getString("day"));
            for (String period : periodsOf(day.getString("municipalityId"), date)) {
                sums.computeIfAbsent(period, p -> new Figures()).add(f);
            }
        });
        sums.forEach((period, figures) -> store(documents, period, figures));
    }

    /** The periods a municipality's day adds to: its month, year and all time, and the network's day, month, year, all time. */
    private static List<String> periodsOf(String municipality, LocalDate date) {
        String month = date.toString().substring(0, 7);
        String year = Integer.toString(date.getYear());
        return List.of(municipality + "/" + month, municipality + "/" + year, municipality + "/" + ALL_TIME,
                NETWORK + "/" + date, NETWORK + "/" + month, NETWORK + "/" + year, NETWORK + "/" + ALL_TIME);
    }

    /** The sums the changed days are part of, each computed again from its parts. */
    private static void sumChanged(Documents documents, java.util.Collection<Document> changedDays) {
        if (changedDays.isEmpty()) {
            return;
        }
        Document calendar = documents.find(PERIODS, documents.share(CALENDAR));
        Set<String> municipalities = calendar == null ? Set.of() : calendar.get("municipalities", Document.class).keySet();
        Set<String> years = calendar == null ? Set.of() : new TreeSet<>(calendar.get("years", Document.class).keySet());
        Set<String> monthsOf = new LinkedHashSet<>();
        Set<String> networkDays = new TreeSet<>();
        for (Document day : changedDays) {
            monthsOf.add(day.getString("municipalityId") + "|" + day.getString("day").substring(0, 7));
            networkDays.add(day.getString("day"));
        }
        Set<String> yearsOf = new LinkedHashSet<>();
        for (String month : monthsOf) {
            String municipality = month.substring(0, month.indexOf('|'));
            LocalDate first = LocalDate.parse(month.substring(month.indexOf('|') + 1) + "-01");
            Figures sum = new Figures();
            for (LocalDate d = first; d.getMonth() == first.getMonth(); d = d.plusDays(1)) {
                addStored(documents, DAYS, municipality + "/" + d, sum, true);
            }
            store(documents, municipality + "/" + first.toString().substring(0, 7), sum);
            yearsOf.add(municipality + "|" + first.getYear());
        }
        Set<String> networkMonths = new TreeSet<>();
        for (String day : networkDays) {
            Figures sum = new Figures();
            for (String municipality : municipalities) {
                addStored(documents, DAYS, municipality + "/" + day, sum, true);
            }
            store(documents, NETWORK + "/" + day, sum);
            networkMonths.add(day.substring(0, 7));
        }
        for (String month : networkMonths) {
            LocalDate first = LocalDate.parse(month + "-01");
            Figures sum = new Figures();
            for (LocalDate d = first; d.getMonth() == first.getMonth(); d = d.plusDays(1)) {
                addStored(documents, PERIODS, NETWORK + "/" + d, sum, false);
            }
            store(documents, NETWORK + "/" + month, sum);
            yearsOf.add(NETWORK + "|" + first.getYear());
        }
        Set<String> allOf = new LinkedHashSet<>();
        for (String year : yearsOf) {
            String scope = year.substring(0, year.indexOf('|'));
            String y = year.substring(year.indexOf('|') + 1);
            Figures sum = new Figures();
            for (int m = 1; m <= 12; m++) {
                addStored(documents, PERIODS, scope + "/" + y + "-" + (m < 10 ? "0" : "") + m, sum, false);
            }
            store(documents, scope + "/" + y, sum);
            allOf.add(scope);
        }
        for (String scope : allOf) {
            Figures sum = new Figures();
            for (String y : years) {
                addStored(documents, PERIODS, scope + "/" + y, sum, false);
            }
            store(documents, scope + "/" + ALL_TIME, sum);
        }
    }

    private static void addStored(Documents documents, ReadCollection collection, String id, Figures sum, boolean day) {
        Document found = documents.find(collection, documents.share(id));
        if (found != null) {
            sum.add(Figures.of(found.get(day ? "figures" : "f", Document.class)));
        }
    }

    private static void store(Documents documents, String period, Figures figures) {
        Document stored = documents.findOrMake(PERIODS, documents.share(period));
        stored.put("f", figures.toDocument());
        documents.changed(PERIODS, stored);
    }
}
