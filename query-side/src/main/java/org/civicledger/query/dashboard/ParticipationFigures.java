package org.civicledger.query.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.civicledger.domain.idea.Channel;
import org.civicledger.domain.person.PersonalData;
import org.civicledger.query.dashboard.Dashboard.Participation;
import org.civicledger.query.dashboard.Dashboard.Support;
import org.civicledger.query.disclosure.Disclosure;
import org.civicledger.query.participation.ParticipationProjection.Kind;

/**
 * Counts the acts of a period into the dashboard's participation and support figures, and publishes them
 * through disclosure control. One counting for both: a vote is the same act in {@code support} and in
 * {@code participation.byKind}, an opinion too.
 */
final class ParticipationFigures {

    /** One act as counted: what kind, on which channel, and the stated profile of an identified act. */
    record Act(Kind kind, Channel channel, String gender, String ageBand, String localCommunity) {
    }

    /** The acts counted, before disclosure. */
    record Counted(long total, Map<String, Long> byKind, Map<String, Long> byChannel, Map<String, Long> byGender,
                   Map<String, Long> byAgeBand, Map<String, Long> byLocalCommunity) {
    }

    private ParticipationFigures() {
    }

    static Counted count(Iterable<Act> acts) {
        Map<String, Long> byKind = zeroes(Arrays.stream(Kind.values()).map(Enum::name).toList());
        Map<String, Long> byChannel = zeroes(Arrays.stream(Channel.values()).map(Enum::name).toList());
        Map<String, Long> byGender = zeroes(withNotStated(PersonalData.GENDERS));
        Map<String, Long> byAgeBand = zeroes(withNotStated(PersonalData.AGE_BANDS));
        Map<String, Long> byLocalCommunity = zeroes(List.of("NOT_STATED"));
        long total = 0;
        for (Act act : acts) {
            total++;
            byKind.merge(act.kind().name(), 1L, Long::sum);
            byChannel.merge(act.channel().name(), 1L, Long::sum);
            if (act.channel() == Channel.WEB) {
                byGender.merge(statedOr(act.gender()), 1L, Long::sum);
                byAgeBand.merge(statedOr(act.ageBand()), 1L, Long::sum);
                byLocalCommunity.merge(statedOr(act.localCommunity()), 1L, Long::sum);
            }
        }
        return new Counted(total, byKind, byChannel, byGender, byAgeBand, byLocalCommunity);
    }

    static Participation participation(Counted acts, Disclosure disclosure) {
        return new Participation(disclosure.count("/participation/acts", acts.total()),
                disclosure.table("/participation/byKind", acts.byKind()),
                disclosure.table("/participation/byChannel", acts.byChannel()),
                disclosure.table("/participation/byGender", acts.byGender()),
                disclosure.table("/participation/byAgeBand", acts.byAgeBand()),
                disclosure.table("/participation/byLocalCommunity", acts.byLocalCommunity()));
    }

    static Support support(Counted acts, Disclosure disclosure) {
        return new Support(disclosure.count("/support/identifiedVotes", acts.byKind().get(Kind.VOTE.name())),
                disclosure.count("/support/anonymousBenchOpinions", acts.byKind().get(Kind.OPINION.name())));
    }

    private static String statedOr(String value) {
        return value == null ? "NOT_STATED" : value;
    }

    private static List<String> withNotStated(Set<String> values) {
        List<String> all = new ArrayList<>(new TreeSet<>(values));
        all.add("NOT_STATED");
        return all;
    }

    private static Map<String, Long> zeroes(List<String> keys) {
        Map<String, Long> counts = new TreeMap<>();
        keys.forEach(key -> counts.put(key, 0L));
        return counts;
    }
}
