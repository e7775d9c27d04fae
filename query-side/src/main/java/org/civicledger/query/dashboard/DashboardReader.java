package org.civicledger.query.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.civicledger.domain.idea.ActionKind;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.idea.IdeaStatus;
import org.civicledger.domain.idea.ValidationDecision;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.domain.shared.TextVault;
import org.civicledger.query.bench.BenchReader;
import org.civicledger.query.consultation.ConsultationReader;
import org.civicledger.query.consultation.ConsultationView;
import org.civicledger.query.dashboard.Dashboard.AcceptedIdea;
import org.civicledger.query.dashboard.Dashboard.Accountability;
import org.civicledger.query.dashboard.Dashboard.ConsultationSummary;
import org.civicledger.query.dashboard.Dashboard.Ideas;
import org.civicledger.query.dashboard.Dashboard.Participation;
import org.civicledger.query.dashboard.Dashboard.Period;
import org.civicledger.query.dashboard.Dashboard.Responsiveness;
import org.civicledger.query.dashboard.Dashboard.Support;
import org.civicledger.query.dashboard.Dashboard.Waiting;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.municipalday.Figures;
import org.civicledger.query.municipalday.FiguresReader;
import org.civicledger.query.municipalday.MunicipalDays;
import org.civicledger.query.municipalday.Window;
import org.civicledger.query.municipality.MunicipalityReader;
import org.civicledger.query.readstore.SealedDocuments;
import org.springframework.stereotype.Component;

/**
 * Answers dashboards from the figures kept by day ({@link FiguresReader}): a municipality's or the network's,
 * over a window of whole days. Every count goes through disclosure control; lists show the few entries the
 * figures keep, with their titles opened as they are read.
 */
@Component
public class DashboardReader {

    static final String NETWORK_NAME = "Network for Participatory Democracy";
    private static final Set<String> KINDS = Set.of("IDEA", "VOTE", "ANSWER", "OPINION");

    private final FiguresReader figures;
    private final MunicipalityReader municipalities;
    private final ConsultationReader consultations;
    private final BenchReader benches;
    private final TextVault texts;
    private final Clock clock;

    public DashboardReader(FiguresReader figures, MunicipalityReader municipalities, ConsultationReader consultations,
                    BenchReader benches, TextVault texts, Clock clock) {
        this.figures = figures;
        this.municipalities = municipalities;
        this.consultations = consultations;
        this.benches = benches;
        this.texts = texts;
        this.clock = clock;
    }

    /** The dashboard of a municipality over {@code [from, to)} taken to whole days; empty if it is not registered. */
    public Optional<Dashboard> municipal(String municipalityId, Instant from, Instant to) {
        return municipalities.find(municipalityId).map(m -> dashboard(m.municipalityId(), m.name(), Window.covering(from, to)));
    }

    /** The whole network's dashboard over {@code [from, to)} taken to whole days. */
    public Dashboard network(Instant from, Instant to) {
        return dashboard(null, NETWORK_NAME, Window.covering(from, to));
    }

    private Dashboard dashboard(String municipalityId, String name, Window window) {
        Figures f = figures.of(municipalityId == null ? MunicipalDays.NETWORK : municipalityId, window);
        Disclosure disclosure = new Disclosure(Disclosure.Rule.BANDED);
        long now = clock.millis();
        List<Document> titles = new ArrayList<>();
        f.waiting.stream().filter(w -> !w.hidden()).forEach(w -> titles.add(w.title()));
        f.latestAccepted.stream().filter(a -> !a.hidden()).forEach(a -> titles.add(a.title()));
        SealedDocuments.Opened opened = SealedDocuments.open(texts, titles);
        return new Dashboard(municipalityId, name, new Period(window.fromInstant(), window.untilInstant()),
                ideas(f, disclosure),
                support(f, disclosure),
                disclosure.table("/validationsByDecision", filled(f.validations, names(ValidationDecision.values()))),
                disclosure.table("/actionsByKind", filled(f.actions, names(ActionKind.values()))),
                responsiveness(f, opened, disclosure, now),
                accountability(f, opened, disclosure),
                participation(f, disclosure),
                disclosure.count("/consultationsOpened", f.consultations),
                consultations(f, disclosure),
                benchSummaries(municipalityId, f, disclosure),
                disclosure.marker());
    }

    private static Ideas ideas(Figures f, Disclosure disclosure) {
        Map<String, Long> byChannel = filled(f.channel, names(Channel.values()));
        return new Ideas(disclosure.count("/ideas/total", byChannel.values().stream().mapToLong(Long::longValue).sum()),
                disclosure.table("/ideas/byStatus", filled(f.status, names(IdeaStatus.values()))),
                disclosure.table("/ideas/byTopic", filled(f.topic, List.of())),
                disclosure.table("/ideas/byChannel", byChannel),
                disclosure.table("/ideas/byLocalCommunity", filled(f.localCommunity, List.of())));
    }

    private static Responsiveness responsiveness(Figures f, SealedDocuments.Opened titles, Disclosure disclosure, long now) {
        List<Waiting> waiting = f.waiting.stream()
                .map(w -> new Waiting(w.ideaId(), w.municipalityId(), w.hidden() ? null : titles.text(w.title()),
                        Instant.ofEpochMilli(w.forwardedAt()), AnswerTimes.days(now - w.forwardedAt())))
                .toList();
        return new Responsiveness(disclosure.count("/responsiveness/forwarded", f.forwarded),
                disclosure.count("/responsiveness/answered", f.answered),
                AnswerTimes.percentile(f.answerMilliDays, 0.5), AnswerTimes.percentile(f.answerMilliDays, 0.9),
                Disclosure.bandedShare(f.answeredWithin30Days, AnswerTimes.judged(f.answered, f.unansweredSince, now)),
                waiting);
    }

    private static Accountability accountability(Figures f, SealedDocuments.Opened titles, Disclosure disclosure) {
        List<AcceptedIdea> listed = f.latestAccepted.stream()
                .map(a -> new AcceptedIdea(a.ideaId(), a.hidden() ? null : titles.text(a.title()), a.status(), a.progress()))
                .toList();
        return new Accountability(disclosure.count("/accountability/accepted", f.accepted),
                disclosure.count("/accountability/completed", f.completed), Disclosure.bandedShare(f.completed, f.accepted),
                listed);
    }

    /** Identified votes and bench opinions: the same acts as {@code participation.byKind} VOTE and OPINION. */
    static Support support(Figures f, Disclosure disclosure) {
        return new Support(disclosure.count("/support/identifiedVotes", f.actsByKind.getOrDefault("VOTE", 0L)),
                disclosure.count("/support/anonymousBenchOpinions", f.actsByKind.getOrDefault("OPINION", 0L)));
    }

    static Participation participation(Figures f, Disclosure disclosure) {
        return new Participation(disclosure.count("/participation/acts", f.acts),
                disclosure.table("/participation/byKind", filled(f.actsByKind, new ArrayList<>(new TreeSet<>(KINDS)))),
                disclosure.table("/participation/byChannel", filled(f.actsByChannel, names(Channel.values()))),
                disclosure.table("/participation/byGender", filled(f.actsByGender, withNotStated(PersonalData.GENDERS))),
                disclosure.table("/participation/byAgeBand", filled(f.actsByAgeBand, withNotStated(PersonalData.AGE_BANDS))),
                disclosure.table("/participation/byLocalCommunity", filled(f.actsByLocalCommunity, List.of("NOT_STATED"))));
    }

    /** The latest consultations opened in the window, their answers as each one's own page shows them (withheld alike). */
    private List<ConsultationSummary> consultations(Figures f, Disclosure disclosure) {
        List<ConsultationView> latest = consultations.find(f.latestConsultations.stream()
                .map(Figures.Opened::consultationId).toList());
        List<ConsultationSummary> summaries = new ArrayList<>();
        for (ConsultationView c : latest) {
            String at = "/consultations/" + summaries.size();
            c.disclosure().withheld().forEach((pointer, reason) -> {
                if (pointer.equals("/identifiedAnswers") || pointer.equals("/anonymousOpinions")) {
                    disclosure.include(at, new Disclosure.Marker(0, 0, Map.of(pointer, reason)));
                }
            });
            summaries.add(new ConsultationSummary(c.consultationId(), c.question(), c.status(), c.identifiedAnswers(),
                    c.anonymousOpinions(), c.conclusion()));
        }
        return summaries;
    }

    private List<Dashboard.BenchSummary> benchSummaries(String municipalityId, Figures f, Disclosure disclosure) {
        List<Dashboard.BenchSummary> summaries = new ArrayList<>();
        benches.statuses(municipalityId).forEach((benchId, status) -> {
            Figures.BenchUse use = f.benches.getOrDefault(benchId, Figures.BenchUse.NONE);
            String at = "/benches/" + summaries.size();
            summaries.add(new Dashboard.BenchSummary(benchId, status,
                    use.lastSeen() == null ? null : Instant.ofEpochMilli(use.lastSeen()), use.lastState(),
                    use.batteryPercent(), disclosure.count(at + "/reports", use.reports()),
                    disclosure.count(at + "/wifiClients", use.wifiClients()),
                    disclosure.count(at + "/chargingSessions", use.chargingSessions())));
        });
        return summaries;
    }

    /** The counts, with every one of {@code alwaysShown} present (zero when none). */
    static Map<String, Long> filled(Map<String, Long> counts, List<String> alwaysShown) {
        Map<String, Long> filled = new TreeMap<>();
        alwaysShown.forEach(key -> filled.put(key, 0L));
        filled.putAll(counts);
        return filled;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> withNotStated(Set<String> values) {
        List<String> all = new ArrayList<>(new TreeSet<>(values));
        all.add("NOT_STATED");
        return all;
    }
}
