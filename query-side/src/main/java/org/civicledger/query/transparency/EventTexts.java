package org.civicledger.query.transparency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.civicledger.domain.shared.SealedText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sealed texts of an event, found in its JSON by their JSON Pointer within the event's data
 * ({@code /title}, {@code /options/0/label}): what the transparency log commits to by digest, what is
 * served beside it, and what an auditor reads opened.
 */
public final class EventTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SEALED_FIELDS = Set.of("key", "sealed", "digest", "plain");
    /** Texts the public never reads, not even beside the log: contact data and personal data. */
    private static final Set<String> NEVER_SERVED = Set.of("/contactEmail", "/data");
    /** Sealed inputs of the private statistics: not in the log at all. */
    private static final Set<String> LEFT_OUT = Set.of("/profile");

    private EventTexts() {
    }

    /** The event's payload as JSON. */
    public static JsonNode tree(Object payload) {
        return JSON.valueToTree(payload);
    }

    /** Every sealed text of the payload by its pointer, in document order. */
    public static Map<String, SealedText> in(JsonNode payload) {
        Map<String, SealedText> texts = new LinkedHashMap<>();
        walk(payload, "", (pointer, text) -> {
            texts.put(pointer, text);
            return null;
        }, false);
        return texts;
    }

    /** A copy of the payload with each sealed text replaced by {@code replace}'s answer (null removes it). */
    public static JsonNode replaced(JsonNode payload, BiFunction<String, SealedText, JsonNode> replace) {
        JsonNode copy = payload.deepCopy();
        return walk(copy, "", replace, true);
    }

    /** Whether a text at this pointer is contact or personal data, which the public never reads. */
    public static boolean neverServed(String pointer) {
        return NEVER_SERVED.contains(pointer);
    }

    /** Whether a text at this pointer stays out of the public log altogether. */
    public static boolean leftOut(String pointer) {
        return LEFT_OUT.contains(pointer);
    }

    /** What the log commits to for a text: its salted digest (a plain text from before sealing: salt empty). */
    public static String digest(SealedText text) {
        if (!text.unsealed()) {
            return text.digest();
        }
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.plain().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode walk(JsonNode node, String pointer, BiFunction<String, SealedText, JsonNode> visit,
                                 boolean replace) {
        if (sealed(node)) {
            return visit.apply(pointer, text(node));
        }
        if (node instanceof ObjectNode object) {
            for (String name : new java.util.ArrayList<>(object.propertyNames())) {
                JsonNode child = object.get(name);
                JsonNode result = walk(child, pointer + "/" + name.replace("~", "~0").replace("/", "~1"), visit, replace);
                if (replace && result != child) {
                    if (result == null) {
                        object.remove(name);
                    } else {
                        object.set(name, result);
                    }
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                JsonNode result = walk(child, pointer + "/" + i, visit, replace);
                if (replace && result != child && result != null) {
                    array.set(i, result);
                }
            }
        }
        return node;
    }

    private static boolean sealed(JsonNode node) {
        if (!(node instanceof ObjectNode object) || object.size() != SEALED_FIELDS.size()) {
            return false;
        }
        for (String name : object.propertyNames()) {
            if (!SEALED_FIELDS.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static SealedText text(JsonNode node) {
        return new SealedText(string(node, "key"), string(node, "sealed"), string(node, "digest"), string(node, "plain"));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
