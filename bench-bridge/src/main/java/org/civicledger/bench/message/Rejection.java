package org.civicledger.bench.message;

/**
 * Why a bench message makes no event. The bridge publishes {@code {"messageId","reason"}} to
 * {@code benches/{benchId}/rejections}; {@code reason} is one of these names. Every one of them is
 * listed with its meaning in docs/api.md, for the people who program benches.
 */
public enum Rejection {
    /** Not a JWS compact serialization, or its payload is not a JSON object, or an unexpected {@code typ}. */
    MALFORMED,
    /** Over {@link BenchMessageReader#MAX_BYTES}: read, acknowledged and refused, so the bench stops sending it. */
    TOO_LARGE,
    /** Not {@code benches/{benchId}/ideas|opinions|telemetry|status}. */
    UNKNOWN_TOPIC,
    /** The payload's {@code benchId} or the header's {@code kid} is not the topic's bench. */
    TOPIC_MISMATCH,
    /** No bench of that id is registered. */
    UNKNOWN_BENCH,
    /** The bench is decommissioned: nothing of it is taken any more. */
    DECOMMISSIONED,
    /** Registered but not yet commissioned: it may report telemetry and status, but carries no ideas or opinions. */
    NOT_COMMISSIONED,
    /** Not EdDSA, or the signature does not verify with the bench's registered key. */
    BAD_SIGNATURE,
    /** Signed with a key the bench had before its key was rotated. */
    ROTATED_KEY,
    /** A field the kind requires is absent or blank. */
    MISSING_FIELDS,
    /** A field breaks its rule (a number out of range, an unknown state, a text too long, an option the consultation lacks). */
    INVALID_FIELDS,
    /** {@code sentAt} is more than five minutes ahead of the bridge's clock. */
    SENT_IN_FUTURE,
    /** {@code sentAt} is older than the offline window. */
    TOO_OLD,
    /** The bench sent more than its allowance per minute. */
    RATE_LIMITED,
    /**
     * Read and verified, but refused by a rule of the domain: a consultation that is closed, not yet open or
     * unknown, or one of another municipality than the bench's.
     */
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
