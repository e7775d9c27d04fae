package org.civicledger.bench.message;

/**
 * What became of a bench message. STORED and DUPLICATE are acknowledged (the event exists exactly
 * once); REJECTED is acknowledged too, with a rejection published, since sending it again cannot
 * help; FAILED (the store is unreachable) is not acknowledged, so the bench sends it again.
 */
public record Outcome(Kind kind, Rejection reason, String messageId, String benchId, String detail) {

    public enum Kind { STORED, DUPLICATE, REJECTED, FAILED }

    public boolean acknowledge() {
        return kind != Kind.FAILED;
    }

    static Outcome stored(BenchMessage message) {
        return new Outcome(Kind.STORED, null, message.messageId().toString(), message.benchId(), null);
    }

    static Outcome duplicate(BenchMessage message) {
        return new Outcome(Kind.DUPLICATE, null, message.messageId().toString(), message.benchId(), null);
    }

    static Outcome rejected(Rejection reason, String messageId, String benchId, String detail) {
        return new Outcome(Kind.REJECTED, reason, messageId, benchId, detail);
    }

    static Outcome failed(String messageId, String benchId, String detail) {
        return new Outcome(Kind.FAILED, null, messageId, benchId, detail);
    }
}
