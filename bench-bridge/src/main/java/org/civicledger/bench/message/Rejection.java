package org.civicledger.bench.message;

/**
 * Why a bench message makes no event. The bridge publishes {@code {"messageId","reason"}} to
 * {@code benches/{benchId}/rejections}; {@code reason} is one of these names.
 */
public enum Rejection {
    MALFORMED, TOO_LARGE, UNKNOWN_TOPIC, TOPIC_MISMATCH, UNKNOWN_BENCH, DECOMMISSIONED, BAD_SIGNATURE, ROTATED_KEY,
    MISSING_FIELDS, INVALID_FIELDS, SENT_IN_FUTURE, TOO_OLD, RATE_LIMITED,
    /** Read and verified, but refused by a rule of the domain (a closed consultation, an unknown option). */
    NOT_ACCEPTED;

    /** A message refused for this reason; {@code messageId} when it could be read. */
    public static final class Refused extends RuntimeException {

        private final Rejection reason;
        private final String messageId;

        public Refused(Rejection reason, String messageId, String detail) {
            super(reason + ": " + detail);
            this.reason = reason;
            this.messageId = messageId;
        }

        public Rejection reason() {
            return reason;
        }

        public String messageId() {
            return messageId;
        }
    }
}
