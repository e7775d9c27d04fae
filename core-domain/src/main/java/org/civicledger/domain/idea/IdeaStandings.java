package org.civicledger.domain.idea;

/**
 * Where an idea stands now, for rules of other aggregates: a ballot asks whether the idea is open
 * for support, a consultation whether the idea is of its municipality. A port, answered from the
 * event store without locking the idea.
 */
@FunctionalInterface
public interface IdeaStandings {

    /** The idea's current standing; throws Axon's {@code AggregateNotFoundException} if there is no such idea. */
    IdeaStanding standingOf(IdeaId ideaId);
}
