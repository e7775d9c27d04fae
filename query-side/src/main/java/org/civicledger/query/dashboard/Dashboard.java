package org.civicledger.query.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What citizens raised and what became of it, for one municipality
 * ({@code GET /api/v1/municipalities/{id}/dashboard}) or the whole network ({@code GET /api/v1/dashboard}),
 * over a period. Every figure is counted from the read models at query time; definitions in docs/api.md.
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
        List<ConsultationSummary> consultations,
        List<BenchSummary> benches) {

    /**
     * A bench of the municipality and how it was used in the period, from its reports: last seen,
     * last reported state, last battery level, reports, Wi-Fi clients and charging sessions counted.
     */
    public record BenchSummary(String benchId, String status, Instant lastSeen, String lastState, Double batteryPercent,
                               long reports, long wifiClients, long chargingSessions) {
    }

    /** The period counted: {@code [from, to)}, either end open when null. */
    public record Period(Instant from, Instant to) {
    }

    /** Ideas submitted in the period; every status and channel appears, topics and communities once used. */
    public record Ideas(long total, Map<String, Long> byStatus, Map<String, Long> byTopic, Map<String, Long> byChannel,
                        Map<String, Long> byLocalCommunity) {
    }

    /** Identified votes cast in the period, and anonymous bench opinions given in it: never added together. */
    public record Support(long identifiedVotes, long anonymousBenchOpinions) {
    }

    /**
     * Ideas forwarded to the municipality in the period and how fast it answered (first answer).
     * Days are fractional; the share counts only ideas forwarded at least 30 days ago or already answered.
     */
    public record Responsiveness(long forwarded, long answered, Double medianDaysToAnswer, Double p90DaysToAnswer,
                                 Double answeredWithin30DaysShare, List<Waiting> waitingLongest) {
    }

    public record Waiting(String ideaId, String municipalityId, String title, Instant forwardedAt, double daysWaiting) {
    }

    /** Accepted ideas (fully or partly) with their progress; the share of them completed. */
    public record Accountability(long accepted, long completed, Double completedShare, List<AcceptedIdea> ideas) {
    }

    public record AcceptedIdea(String ideaId, String title, String status, int progress) {
    }

    /**
     * Distinct identified participants (idea authors, voters, consultation respondents) active in the
     * period, and how they are spread. Demographics are what people chose to record; NOT_STATED
     * otherwise. Any count from 1 to {@code suppressedBelow - 1} reads as null, and so does the next
     * smallest when only one would be, so that no person can be singled out or worked out.
     */
    public record Participation(long distinctParticipants, Map<String, Long> byChannel, Map<String, Long> byGender,
                                Map<String, Long> byAgeBand, Map<String, Long> byLocalCommunity,
                                long anonymousBenchOpinions, int suppressedBelow) {
    }

    public record ConsultationSummary(String consultationId, Map<String, String> question, String status,
                                      long identifiedAnswers, long anonymousOpinions, String conclusion) {
    }

    /** What does the dashboard of this municipality show for the period? Answers a {@link Dashboard}, or nothing. */
    public record FindMunicipalDashboard(String municipalityId, Instant from, Instant to) {
    }

    /** What does the whole network's dashboard show for the period? Answers a {@link Dashboard}. */
    public record FindNetworkDashboard(Instant from, Instant to) {
    }
}
