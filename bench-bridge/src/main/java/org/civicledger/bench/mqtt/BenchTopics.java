package org.civicledger.bench.mqtt;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicledger.bench.message.Outcome;
import tools.jackson.databind.json.JsonMapper;

/** The topics the bridge publishes to a bench (contract section 4) and what it publishes there. */
final class BenchTopics {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchTopics() {
    }

    /** Retained: the consultations open now for the bench. */
    static String consultations(String benchId) {
        return "benches/" + benchId + "/consultations";
    }

    /** Why a message of the bench made no event. */
    static String rejections(String benchId) {
        return "benches/" + benchId + "/rejections";
    }

    /** {@code {"messageId", "reason"}}. */
    static Buffer rejection(Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", outcome.messageId());
        body.put("reason", outcome.reason().name());
        return Buffer.buffer(JSON.writeValueAsBytes(body));
    }
}
