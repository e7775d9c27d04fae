package org.civicledger.command.person;

import javax.sql.DataSource;
import org.civicledger.command.AggregateReader;
import org.civicledger.domain.consultation.AnswerId;
import org.civicledger.domain.consultation.ConsultationAnswer;
import org.civicledger.domain.consultation.ConsultationId;
import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.shared.StateConflict;
import org.civicledger.domain.vote.Ballot;
import org.civicledger.domain.vote.BallotId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ballots and answers stored before per-context pseudonyms are named by the person-wide pseudonym. Where
 * a deployment has any (recorded once, when the change was migrated: {@code privacy_cutover}), a person's
 * vote or answer also looks at their earlier stream, so that one vote per person per idea and one answer
 * per consultation hold across the change; a deployment that began after it never reads them.
 */
@Component
public class EarlierActs {

    private final AggregateReader aggregates;
    private final boolean earlierActs;

    public EarlierActs(AggregateReader aggregates, DataSource dataSource) {
        this.aggregates = aggregates;
        Boolean earlier = new JdbcTemplate(dataSource).queryForObject(
                "select earlier_acts from privacy_cutover where id = 1", Boolean.class);
        this.earlierActs = Boolean.TRUE.equals(earlier);
    }

    /** Refuses a vote when the person's earlier ballot on the idea counts. */
    public void requireNoEarlierVote(IdeaId idea, Identity person) {
        if (earlierActs && earlierBallotCounts(idea, person)) {
            throw new StateConflict("VOTED", "This person has already voted for this idea");
        }
    }

    /** The ballot a withdrawal is for: the current one, or an earlier one that still counts. */
    public BallotId ballotToWithdraw(IdeaId idea, Identity person) {
        BallotId current = new BallotId(idea, person.in(idea));
        if (earlierActs && !aggregates.read(Ballot.class, current.toString(), Ballot::counts).orElse(false)
                && earlierBallotCounts(idea, person)) {
            return new BallotId(idea, person.earlier());
        }
        return current;
    }

    /** Refuses an answer when the person answered the consultation before. */
    public void requireNoEarlierAnswer(ConsultationId consultation, Identity person) {
        if (earlierActs && aggregates.read(ConsultationAnswer.class,
                new AnswerId(consultation, person.earlier()).toString(), answer -> true).isPresent()) {
            throw new StateConflict("ANSWERED", "This person has already answered this consultation");
        }
    }

    private boolean earlierBallotCounts(IdeaId idea, Identity person) {
        return aggregates.read(Ballot.class, new BallotId(idea, person.earlier()).toString(), Ballot::counts)
                .orElse(false);
    }
}
