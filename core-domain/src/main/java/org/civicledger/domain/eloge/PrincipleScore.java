package org.civicledger.domain.eloge;

import org.civicledger.domain.shared.InvalidField;
import org.civicledger.domain.shared.Text;

/**
 * A score for one principle of the catalogue, 0 to 100, with the evidence it rests on (required for
 * a self-assessment, absent for survey results).
 */
public record PrincipleScore(int principle, int score, String evidence) {

    /** Both catalogues in use (2008, and CM/Rec(2023)5) have twelve principles. */
    public static final int PRINCIPLES = 12;

    public PrincipleScore {
        if (principle < 1 || principle > PRINCIPLES) {
            throw new InvalidField("principles", "principle " + principle + " is not one of 1 to " + PRINCIPLES);
        }
        if (score < 0 || score > 100) {
            throw new InvalidField("principles", "the score of principle " + principle + " must be 0 to 100");
        }
        evidence = evidence == null || evidence.isBlank() ? null : Text.require("principles", evidence, 3, 2_000, true);
    }
}
