package org.civicledger.domain.vote;

import org.civicledger.domain.idea.IdeaId;
import org.civicledger.domain.idea.IdeaStanding;

/** Where an idea stands now, so a ballot can tell whether it is still open for support. A port. */
@FunctionalInterface
public interface SupportWindow {

    /** The idea's current standing; throws if there is no such idea. */
    IdeaStanding standingOf(IdeaId ideaId);
}
