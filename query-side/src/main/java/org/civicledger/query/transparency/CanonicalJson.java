package org.civicledger.query.transparency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical JSON of a log entry: object keys sorted (by UTF-16 code units, as {@link String#compareTo}
 * orders them), no insignificant white space, UTF-8, strings escaped as Jackson writes them (only
 * {@code "}, {@code \}, and control characters), numbers as Jackson writes Java's (integers plainly,
 * decimals as the shortest form that reads back to the same double). The same input gives the same
 * bytes; the bytes are stored, so a later change of this code changes no stored entry.
 */
final class CanonicalJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CanonicalJson() {
    }

    static byte[] write(Object value) {
        return JSON.writeValueAsBytes(sorted(JSON.valueToTree(value)));
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            return fields;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            return items;
        }
        return node;
    }
}
