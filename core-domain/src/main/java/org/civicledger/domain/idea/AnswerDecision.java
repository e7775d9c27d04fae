package org.civicledger.domain.idea;

/** The municipality's answer to a forwarded idea. */
public enum AnswerDecision {
    ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, NEEDS_INFORMATION;

    IdeaStatus status() {
        return IdeaStatus.valueOf(name());
    }
}
