package org.civicledger.query.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.query.disclosure.Disclosure;

/**
 * What citizens raised and what became of it, for one municipality
 * ({@code GET /api/v1/municipalities/{id}/dashboard}) or the whole network ({@code GET /api/v1/dashboard}),
 * over a period of whole days (UTC). Every figure is kept as the events arrive, by day, and a period is the sum of
 * the few kept periods it is made of; definitions in docs/api.md.
 * Every count goes through disclosure control ({@code disclosure} names each count withheld and why;
 * counts are shown as their band of five, 0 to 4 withheld): people's acts and institutions' alike, so
 * that no count from 1 to 4 is published. Shares are computed from the bands shown.
 */
public record Dashboard(
        String municipalityId,
        String name,
        Period period,
        Ideas ideas,
        Support support,
        Map<String, Long> validationsByDecision,
        Map<String, Long> actionsByKind,
        Responsiveness responsiveness,
        Accountability accountability,
        Participation participation,
        Long consultationsOpened,
        List<ConsultationSummary> consultations,
        List<BenchSummary> benches,
        Disclosure.Marker disclosure) {

    /**
     * A bench of the municipality and how it was used in the period, from its reports: last seen,
     * last reported state, last battery level, reports, Wi-Fi clients and charging sessions counted.
     */
    public record BenchSummary(String benchId, String status, Instant lastSeen, String lastState, Double batteryPercent,
                               Long reports, Long wifiClients, Long chargingSessions) {
    }

    /** The period counted: {@code [from, to)}, either end open when null. */
    public record Period(Instant from, Instant to) {
    }

    /** Ideas submitted in the period; every status and channel appears, topics and communities once used. */
    public record Ideas(Long total, Map<String, Long> byStatus, Map<String, Long> byTopic, Map<String, Long> byChannel,
                        Map<String, Long> byLocalCommunity) {
    }

    /**
     * Identified votes that stand and were (last) cast in the period, and anonymous bench opinions given in
     * it: never added together. The same acts as {@code participation.byKind} VOTE and OPINION.
     */
    public record Support(Long identifiedVotes, Long anonymousBenchOpinions) {
    }

    /**
     * Ideas forwarded to the municipality in the period and how fast it answered (first answer).
     * Days are fractional; the share counts only ideas forwarded at least 30 days ago or already answered.
     */
    public record Responsiveness(Long forwarded, Long answered, Double medianDaysToAnswer, Double p90DaysToAnswer,
                                 Double answeredWithin30DaysShare, List<Waiting> waitingLongest) {
    }

    public record Waiting(String ideaId, String municipalityId, String title, Instant forwardedAt, double daysWaiting) {
    }

    /** Accepted ideas (fully or partly) with their progress; the share of them completed. */
    public record Accountability(Long accepted, Long completed, Double completedShare, List<AcceptedIdea> ideas) {
    }

    public record AcceptedIdea(String ideaId, String title, String status, int progress) {
    }

    /**
     * The acts people took part with in the period — ideas, votes that stand, consultation answers,
     * anonymous bench opinions — by kind and channel; and the identified acts (on the web) by the gender,
     * age band and local community their actors had stated (NOT_STATED otherwise). People are counted by
     * their acts: nothing links two acts of one person (docs/privacy.md), so there is no count of distinct
     * people. Each breakdown adds up to its total: {@code acts} for kind and channel, {@code byChannel.WEB}
     * for the others.
     */
    public record Participation(Long acts, Map<String, Long> byKind, Map<String, Long> byChannel,
                                Map<String, Long> byGender, Map<String, Long> byAgeBand,
                                Map<String, Long> byLocalCommunity) {
    }

    /** One of the consultations opened in the period (the latest ten), with its answers as its own page shows them. */
    public record ConsultationSummary(String consultationId, Map<String, String> question, String status,
                                      Long identifiedAnswers, Long anonymousOpinions, String conclusion) {
    }
}
